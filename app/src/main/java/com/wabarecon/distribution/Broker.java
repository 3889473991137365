package com.wabarecon.distribution;

import java.net.URI;

import com.wabarecon.ReconProperties;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The broker of a distributed close, from {@code recon.distribution.broker} and, when set,
 * {@code recon.distribution.password}. Only {@link #describe} is ever logged or printed: it
 * names the user, host and port, never the password.
 */
public final class Broker {

	private final URI uri;

	private final String password;

	public Broker(ReconProperties.Distribution settings) {
		this.uri = settings.broker();
		this.password = settings.password();
	}

	/** "amqp://guest@127.0.0.1:5672": the URI without its password. */
	public String describe() {
		return describe(uri);
	}

	static String describe(URI uri) {
		String user = uri.getUserInfo() == null ? "" : uri.getUserInfo().replaceFirst(":.*", "") + "@";
		return uri.getScheme() + "://" + user + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
				+ (uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath());
	}

	CachingConnectionFactory connectionFactory() {
		CachingConnectionFactory factory = new CachingConnectionFactory(uri);
		if (password != null && !password.isEmpty()) {
			factory.setPassword(password);
		}
		factory.setConnectionNameStrategy(connectionFactory -> "recon");
		return factory;
	}

	/** Why the broker cannot be reached, on one line, or {@code null} when it answers. */
	public String problem() {
		CachingConnectionFactory factory = connectionFactory();
		try {
			factory.createConnection().close();
			return null;
		}
		catch (RuntimeException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
			return "the broker " + describe() + " cannot be reached: " + message.lines().findFirst().orElse("");
		}
		finally {
			factory.destroy();
		}
	}

}
