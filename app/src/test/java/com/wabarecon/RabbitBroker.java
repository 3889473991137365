package com.wabarecon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real RabbitMQ the distributed closes' tests run against ({@code recon.test.amqp.uri}, by
 * default the local broker as guest). When it cannot be reached those tests are skipped with a
 * message saying so, except on CI ({@code CI=true}), where they run and fail.
 * <p>
 * Each test takes an environment name of its own ({@link #environment()}), hence a queue of its
 * own: runs never take each other's partitions.
 */
public class RabbitBroker implements ExecutionCondition {

	public static final String URI_TEXT = System.getProperty("recon.test.amqp.uri", "amqp://guest:guest@127.0.0.1:5672");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String problem = reachability();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("RabbitMQ reachable at " + URI_TEXT);
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return ConditionEvaluationResult.enabled("CI=true: RabbitMQ tests run even though " + problem);
		}
		String message = "SKIPPED RabbitMQ tests: " + problem + " (start RabbitMQ, or set CI=true to make this a failure)";
		System.err.println(message);
		return ConditionEvaluationResult.disabled(message);
	}

	private static String reachability() {
		URI uri = URI.create(URI_TEXT);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 3000);
			return null;
		}
		catch (IOException ex) {
			return "RabbitMQ is not reachable at " + uri.getHost() + ":" + uri.getPort() + ": " + ex.getMessage();
		}
	}

	/** Deletes the queues of the environments given, which tests leave on the broker otherwise. */
	public static void deleteQueues(java.util.Collection<String> environments) {
		var factory = new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(URI.create(URI_TEXT));
		try {
			var admin = new org.springframework.amqp.rabbit.core.RabbitAdmin(factory);
			environments.forEach(environment -> admin.deleteQueue("recon.partitions." + environment));
		}
		finally {
			factory.destroy();
		}
	}

	/** A new environment name, hence queue, for one test. */
	public static String environment() {
		return "it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
	}

}
