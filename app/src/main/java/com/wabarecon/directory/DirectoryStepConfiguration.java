package com.wabarecon.directory;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import com.wabarecon.importing.ImportSteps;
import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.csv.CsvRecordReader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.item.support.builder.CompositeItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory stage: {@code clients.csv}, then {@code channels.csv} (whose rows must name a
 * known client and keep the directory's relations, {@link ChannelRelations}). A step that did
 * not complete reads its file again from the top when the close restarts; the upserts make that
 * harmless and pick up a corrected file.
 */
@Configuration
class DirectoryStepConfiguration {

	@Bean
	@StepScope
	CsvRecordReader clientsReader(@Value("#{jobParameters['inbox']}") String inbox) {
		return directoryReader(inbox, DirectoryColumns.CLIENTS_FILE, DirectoryColumns.CLIENT_COLUMNS);
	}

	@Bean
	@StepScope
	ClientRowMapper clientRowMapper() {
		return new ClientRowMapper();
	}

	@Bean
	JdbcBatchItemWriter<Client> clientsWriter(DataSource dataSource) {
		return new JdbcBatchItemWriterBuilder<Client>().dataSource(dataSource)
			.sql(DirectoryRepository.MERGE_CLIENT)
			.itemSqlParameterSourceProvider(DirectoryRepository::parameters)
			.build();
	}

	@Bean
	Step clientsStep(ImportSteps steps, CsvRecordReader clientsReader, ClientRowMapper clientRowMapper,
			JdbcBatchItemWriter<Client> clientsWriter) {
		return steps.step("clientsStep", clientsReader, clientRowMapper, clientsWriter);
	}

	@Bean
	@StepScope
	CsvRecordReader channelsReader(@Value("#{jobParameters['inbox']}") String inbox) {
		return directoryReader(inbox, DirectoryColumns.CHANNELS_FILE, DirectoryColumns.CHANNEL_COLUMNS);
	}

	@Bean
	@StepScope
	ChannelRowMapper channelRowMapper(DirectoryRepository directory, @Value("#{jobParameters['inbox']}") String inbox) {
		return new ChannelRowMapper(directory::clientIds, directory::channels,
				() -> directoryReader(inbox, DirectoryColumns.CHANNELS_FILE, DirectoryColumns.CHANNEL_COLUMNS));
	}

	/** Each row's WABA, then the channel: a chunk's WABAs are in before its channels refer to them. */
	@Bean
	CompositeItemWriter<Channel> channelsWriter(DataSource dataSource) {
		return new CompositeItemWriterBuilder<Channel>().delegates(
				new JdbcBatchItemWriterBuilder<Channel>().dataSource(dataSource)
					.sql(DirectoryRepository.MERGE_WABA)
					.itemSqlParameterSourceProvider(DirectoryRepository::parameters)
					.build(),
				new JdbcBatchItemWriterBuilder<Channel>().dataSource(dataSource)
					.sql(DirectoryRepository.MERGE_CHANNEL)
					.itemSqlParameterSourceProvider(DirectoryRepository::parameters)
					.build())
			.build();
	}

	@Bean
	Step channelsStep(ImportSteps steps, CsvRecordReader channelsReader, ChannelRowMapper channelRowMapper,
			CompositeItemWriter<Channel> channelsWriter) {
		return steps.step("channelsStep", channelsReader, channelRowMapper, channelsWriter);
	}

	private CsvRecordReader directoryReader(String inbox, String file, List<String> columns) {
		Path path = MonthFolders.directoryFile(Path.of(inbox), file);
		return new CsvRecordReader(path, "directory/" + file, columns);
	}

}
