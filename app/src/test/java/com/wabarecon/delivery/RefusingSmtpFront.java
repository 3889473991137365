package com.wabarecon.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP endpoint on a loopback port, in front of a real SMTP server (GreenMail): it refuses
 * the next connections it is told to as a busy server does (a {@code 421} greeting, then the
 * connection closed), and relays every other connection to the server, byte for byte.
 */
final class RefusingSmtpFront implements AutoCloseable {

	static final String REFUSAL = "421 4.3.2 Service not available, try again later";

	private final ServerSocket server;

	private final int serverPort;

	private final AtomicInteger refusalsLeft = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	RefusingSmtpFront(int serverPort) throws IOException {
		this.serverPort = serverPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("smtp-front", this::accept);
	}

	int port() {
		return server.getLocalPort();
	}

	/** Refuses the next {@code count} connections (and no more). */
	void refuseNext(int count) {
		refusalsLeft.set(count);
	}

	/** Connections accepted so far, refused or relayed. */
	int connections() {
		return connections.get();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				connections.incrementAndGet();
				if (refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
					refuse(client);
				}
				else {
					relay(client);
				}
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private static void refuse(Socket client) throws IOException {
		try (client) {
			OutputStream out = client.getOutputStream();
			out.write((REFUSAL + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	private void relay(Socket client) throws IOException {
		Socket upstream = new Socket(InetAddress.getLoopbackAddress(), serverPort);
		daemon("smtp-front-up", () -> pipe(client, upstream));
		daemon("smtp-front-down", () -> pipe(upstream, client));
	}

	/** Copies until either side closes, then closes both: SMTP ends with the server's reply to QUIT. */
	private static void pipe(Socket from, Socket to) {
		try (from; to) {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException ended) {
			// the other direction closed the sockets first
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
