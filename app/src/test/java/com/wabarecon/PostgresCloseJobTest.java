package com.wabarecon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the close job, run with {@code JobOperatorTestUtils} on the local PostgreSQL
 * ({@link PostgresDatabase}: skipped when it is away, except on CI), in one schema
 * ({@link SharedPostgresSchema}). Every class so annotated gets the same application context
 * from Spring's test context cache, so add nothing to the context beside this annotation (see
 * {@link CloseJobTest}). The classes share the schema too: each test starts on an empty one
 * ({@link EmptyDatabase}).
 * <p>
 * The large inputs load in chunks of two rows, so that an invoice file spans several
 * ({@code InvoiceTieOutPostgresTests}), and no share of rejected rows refuses a close: the
 * tie-out's few rows are bad on purpose. Tests that load no month's files (the statements') do
 * not see the difference.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresDatabase.class)
@SpringBatchTest
@SpringBootTest(properties = { "recon.import.bulk-chunk-size=2", "recon.import.max-reject-pct=100" })
@Import(SharedPostgresSchema.class)
@ExtendWith(EmptyDatabase.class)
public @interface PostgresCloseJobTest {

}
