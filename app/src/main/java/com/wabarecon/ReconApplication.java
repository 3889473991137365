package com.wabarecon;

import com.wabarecon.launch.ReconCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The monthly close of a WhatsApp Business Solution Provider: import the month's usage
 * estimates and Meta's invoice, reconcile them, and send every client its statement.
 * <p>
 * {@link #main} hands the command line to {@link ReconCli}, which parses it before any Spring
 * context starts (so {@code help} and usage errors are instant) and returns the exit code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReconApplication {

	public static void main(String[] args) {
		System.exit(ReconCli.execute(args));
	}

}
