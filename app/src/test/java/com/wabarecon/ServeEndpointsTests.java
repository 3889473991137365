package com.wabarecon;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code recon serve} answers over HTTP while it runs: health (with the database's), and
 * Prometheus metrics holding Spring Batch's meters of the closes it ran, on loopback only. The
 * close is the real job on the sample month, in a web context of its own (its own database).
 */
@SpringBatchTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"spring.datasource.url=jdbc:h2:mem:serve-endpoints;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ServeEndpointsTests {

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@LocalServerPort
	int port;

	@TempDir
	Path out;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthSaysTheDatabaseAnswers() throws Exception {
		HttpResponse<String> health = get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"db\":{\"details\":{\"database\":\"H2\"").endsWith("\"status\":\"UP\"}");
	}

	@Test
	void prometheusShowsTheJobAndItsStepsAfterAClose() throws Exception {
		// given: the sample month closed up to its reconciliation
		assertThat(CloseJobRuns.run(jobOperatorTestUtils, Path.of("sample-invoices"), out, "2025-09", Stage.RECONCILE,
				null).getStatus()).isEqualTo(BatchStatus.STOPPED);

		// when
		HttpResponse<String> metrics = get("/actuator/prometheus");

		// then: the job's run, its steps' durations and the items they read and wrote
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body().lines()).anySatisfy(line -> assertThat(line)
			.startsWith("spring_batch_job_seconds_count{").contains("spring_batch_job_name=\"monthlyClose\"")
			.contains("spring_batch_job_status=\"STOPPED\"").endsWith(" 1"));
		assertThat(metrics.body().lines()).anySatisfy(line -> assertThat(line)
			.startsWith("spring_batch_step_seconds_count{").contains("spring_batch_step_name=\"reconcileLinesStep\"",
					"spring_batch_step_status=\"COMPLETED\"").endsWith(" 1"));
		assertThat(metrics.body()).contains("spring_batch_item_read_seconds_count{", "spring_batch_chunk_write_seconds_count{");
	}

	@Test
	void theEndpointsAnswerOnLoopbackOnly() throws Exception {
		Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.filter(nic -> !isLoopback(nic))
			.flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
			.filter(address -> address instanceof Inet4Address)
			.findFirst();
		try (Socket inside = new Socket(InetAddress.getLoopbackAddress(), port)) {
			assertThat(inside.isConnected()).isTrue();
		}
		// a machine with an address beside loopback: the port is not open on it
		outside.ifPresent(address -> assertThatThrownBy(() -> new Socket(address, port).close())
			.isInstanceOf(ConnectException.class));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static boolean isLoopback(NetworkInterface nic) {
		try {
			return nic.isLoopback();
		}
		catch (java.net.SocketException ex) {
			return true;
		}
	}

}
