package com.wabarecon.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements' folder is checked to stay inside the month's output folder, whatever client
 * id reaches it: the second line of defence behind the directory import, which rejects unsafe ids.
 */
class MonthFoldersTests {

	static final Path OUT = Path.of("/data/out");

	@ParameterizedTest
	@ValueSource(strings = { "../evil", "..", "../../etc", "a/../../b", "/etc", "", " ", ".", "c_001/../.." })
	void aClientIdThatLeavesTheMonthsFolderIsRefused(String clientId) {
		assertThatIllegalArgumentException().isThrownBy(() -> MonthFolders.clientFolder(OUT, "2025-09", clientId))
			.withMessageContaining("does not name a folder inside /data/out/2025-09");
	}

	@ParameterizedTest
	@ValueSource(strings = { "c_001", "client.with-dots_1" })
	void aSafeClientIdIsItsOwnFolderInTheMonths(String clientId) {
		assertThat(MonthFolders.clientFolder(OUT, "2025-09", clientId)).isEqualTo(OUT.resolve("2025-09").resolve(clientId));
	}

}
