package com.wabarecon.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A line's volume in its unit: messages as they are, voice minutes as pulses (a tenth of a minute each). */
class VolumesTests {

	@Test
	void voiceMinutesAreCountedInPulsesAndShownWithOneDecimal() {
		assertThat(Volumes.counted("VOICE", new BigDecimal("19.5"))).isEqualTo(195L);
		assertThat(Volumes.counted("VOICE", new BigDecimal("15.00"))).isEqualTo(150L);
		assertThat(Volumes.counted("VOICE", new BigDecimal("0"))).isZero();
		assertThat(Volumes.text("VOICE", 7)).isEqualTo("0.7");
		assertThat(Volumes.text("VOICE", 150)).isEqualTo("15.0");
		assertThat(Volumes.text("VOICE", -29)).isEqualTo("-2.9");
		assertThat(Volumes.unit("VOICE")).isEqualTo("minutes");
	}

	@Test
	void aFractionOfThePulseOrOfAMessageIsNoVolume() {
		assertThat(Volumes.counted("VOICE", new BigDecimal("1.25"))).isNull();
		assertThat(Volumes.counted("MARKETING", new BigDecimal("2.5"))).isNull();
		assertThat(Volumes.counted("MARKETING", new BigDecimal("2.0"))).isEqualTo(2L);
		assertThat(Volumes.counted("MARKETING", new BigDecimal("1E+20"))).isNull(); // beyond a long
	}

	@Test
	void messagesAreShownAsTheyAreCounted() {
		assertThat(Volumes.text("MARKETING", 1200)).isEqualTo("1200");
		assertThat(Volumes.text(null, 3)).isEqualTo("3");
		assertThat(Volumes.unit("UTILITY")).isEqualTo("messages");
	}

}
