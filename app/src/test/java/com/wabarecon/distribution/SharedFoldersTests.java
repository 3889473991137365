package com.wabarecon.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker runs a partition only when it sees the manager's output folder and the same inbox
 * files, under the same paths.
 */
class SharedFoldersTests {

	@TempDir
	Path dir;

	Path out;

	Path inbox;

	@BeforeEach
	void managersFolders() throws Exception {
		out = dir.resolve("out");
		inbox = dir.resolve("inbox");
		Files.createDirectories(inbox.resolve("2025-09/usage"));
		Files.writeString(inbox.resolve("2025-09/usage/a.json"), "[1, 2, 3]");
		Files.writeString(inbox.resolve("2025-09/usage/b.json"), "[]");
		SharedFolders.write(out, inbox, "2025-09", 7);
	}

	@Test
	void aWorkerSeeingTheSameFoldersRunsThePartition() {
		assertThat(SharedFolders.problem(out, inbox, "2025-09", 7)).isNull();
	}

	@Test
	void aWorkerWithAnotherOutputFolderIsToldToMountTheSharedOne() {
		String problem = SharedFolders.problem(dir.resolve("elsewhere"), inbox, "2025-09", 7);

		assertThat(problem).startsWith("this worker does not see the manager's output folder " + dir.resolve("elsewhere"))
			.endsWith("mount the shared output folder at the same path on every worker");
	}

	@Test
	void aWorkerWhoseInboxHoldsOtherFilesIsToldToMountTheSharedOne() throws Exception {
		Files.writeString(inbox.resolve("2025-09/usage/b.json"), "[4]"); // another size than the manager saw

		assertThat(SharedFolders.problem(out, inbox, "2025-09", 7))
			.isEqualTo("this worker does not see the manager's inbox " + inbox.resolve("2025-09") + " (the manager lists 2 "
					+ "files, this worker 2 or other sizes): mount the shared inbox at the same path on every worker");
	}

	@Test
	void aMarkerOfAnotherExecutionIsNotThisClose() {
		assertThat(SharedFolders.problem(out, inbox, "2025-09", 8)).startsWith("the manager's output folder " + out
				+ " holds execution 7 for 2025-09, not execution 8");
	}

	@Test
	void theManagerRemovesItsMarkerWhenThePartitionsHaveEnded() {
		SharedFolders.remove(out, "2025-09");

		assertThat(out.resolve(".recon-close/2025-09")).doesNotExist();
	}

}
