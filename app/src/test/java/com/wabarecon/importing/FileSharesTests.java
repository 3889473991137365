package com.wabarecon.importing;

import com.wabarecon.support.PartitionNames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class FileSharesTests {

	private final List<String> files = IntStream.rangeClosed(1, 7).mapToObj(i -> "ch_" + i + ".json").toList();

	@Test
	void everyFileIsInExactlyOneShareAndTheSharesAreAboutEven() {
		Map<String, ExecutionContext> shares = new FileShares().partition(3);

		List<String> all = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		shares.values().forEach(context -> {
			List<String> share = FileShares.of(files, context.getInt(FileShares.INDEX), context.getInt(FileShares.COUNT));
			all.addAll(share);
			sizes.add(share.size());
		});

		assertThat(shares).containsOnlyKeys("share0", "share1", "share2");
		assertThat(all).containsExactlyInAnyOrderElementsOf(files);
		assertThat(sizes).containsExactly(3, 2, 2);
	}

	@Test
	void aStepThatIsNotSplitReadsEveryFile() {
		assertThat(FileShares.of(files, null, null)).isEqualTo(files);
		assertThat(FileShares.of(files, 0, 1)).isEqualTo(files);
		assertThat(new FileShares().partition(0)).hasSize(1);
	}

	@Test
	void aShareRecordsUnderItsStepsName() {
		assertThat(PartitionNames.stepName("usageExportsStep:share1")).isEqualTo("usageExportsStep");
		assertThat(PartitionNames.isPartition("usageExportsStep:share1")).isTrue();
		assertThat(PartitionNames.stepName("usageExportsStep")).isEqualTo("usageExportsStep");
		assertThat(PartitionNames.isPartition("usageExportsStep")).isFalse();
	}

}
