package com.wabarecon.bench;

import java.io.IOException;
import java.nio.file.Path;

import com.wabarecon.bench.DirectoryPlan.ChannelPlan;
import com.wabarecon.bench.DirectoryPlan.ClientPlan;
import com.wabarecon.bench.DirectoryPlan.WabaPlan;

/**
 * {@code directory/clients.csv} and {@code directory/channels.csv} of the plan, in the
 * columns the directory import reads (docs/formats.md, "Inputs": the directory).
 */
final class DirectoryWriter {

	static final String FOLDER = "directory";

	static final String CLIENTS_HEADER = "client_id,name,billing_emails,statement_currency,locale";

	static final String CHANNELS_HEADER = "channel_id,client_id,waba_id,phone_number_id,display_phone_number,"
			+ "waba_timezone,waba_currency";

	private DirectoryWriter() {
	}

	static void write(Path inbox, DirectoryPlan plan) throws IOException {
		Path folder = inbox.resolve(FOLDER);
		try (CsvFile clients = new CsvFile(folder.resolve("clients.csv"), CLIENTS_HEADER);
				CsvFile channels = new CsvFile(folder.resolve("channels.csv"), CHANNELS_HEADER)) {
			for (ClientPlan client : plan.clients()) {
				clients.row(client.id(), client.name(), String.join(";", client.emails()), client.statementCurrency(),
						client.locale());
				for (WabaPlan waba : client.wabas()) {
					for (ChannelPlan channel : waba.channels()) {
						channels.row(channel.id(), client.id(), waba.id(), channel.phoneNumberId(), channel.display(),
								waba.home().zone(), waba.home().currency());
					}
				}
			}
		}
	}

}
