package com.wabarecon.launch;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code recon serve}, as a process started the way the README starts it: while it waits for its
 * schedule it answers health and Prometheus metrics on the port its environment gives, on loopback.
 */
class ServeCommandTests {

	private static final Duration A_WHILE = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	@Test
	void serveAnswersHealthAndMetricsOnTheConfiguredPort() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		HttpClient http = HttpClient.newHttpClient();
		URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
		ChildClose serve = ChildClose.start(dir, Map.of("SERVER_PORT", Integer.toString(port)), "serve", "--db-url",
				"jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		try {
			serve.awaitWhileRunning("an answer on /actuator/health", A_WHILE,
					() -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200);

			String body = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
			assertThat(body).contains("\"db\":{\"details\":{\"database\":\"H2\"").endsWith("\"status\":\"UP\"}");
			HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		}
		finally {
			serve.kill();
		}
	}

}
