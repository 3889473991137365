package com.wabarecon.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

import org.junit.jupiter.api.Test;

class UnsynchronizedWriterTests {

	@Test
	void everyWayOfWritingArrivesWholeAndInOrderAcrossTheBuffersEdges() throws IOException {
		StringBuilder expected = new StringBuilder();
		StringWriter target = new StringWriter();
		boolean[] closed = { false };
		Writer out = new Writer() {
			@Override
			public void write(char[] chars, int offset, int length) {
				target.write(chars, offset, length);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
				closed[0] = true;
			}
		};
		try (UnsynchronizedWriter writer = new UnsynchronizedWriter(out)) {
			for (int round = 0; round < 5; round++) {
				// single characters past one buffer (64K), then texts and arrays that straddle it
				for (int i = 0; i < 70_000; i++) {
					char c = (char) ('a' + (i + round) % 26);
					writer.write(c);
					expected.append(c);
				}
				String text = "<c r=\"A1\" t=\"inlineStr\"><is><t>Müller &amp; Söhne</t></is></c>".repeat(2_000 + round);
				writer.write(text);
				expected.append(text);
				writer.write(text, 7, 1_000);
				expected.append(text, 7, 1_007);
				char[] large = text.toCharArray();
				writer.write(large, 3, large.length - 3);
				expected.append(large, 3, large.length - 3);
				writer.write(large, 0, 10);
				expected.append(large, 0, 10);
			}
			writer.flush();
			assertThat(target.toString()).isEqualTo(expected.toString());
			writer.write("tail");
			expected.append("tail");
		}
		assertThat(target.toString()).isEqualTo(expected.toString());
		assertThat(closed[0]).isTrue();
	}

}
