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

/**
 * A test of the close job, run with {@code JobOperatorTestUtils} on the embedded database: H2 in
 * memory, in the PostgreSQL mode of the product's default file database. Every class so
 * annotated gets the same application context from Spring's test context cache: it starts once
 * for all of them, not once per class.
 * <p>
 * That holds only while the classes do not differ in anything the cache's key is made of. So
 * add nothing to the context beside this annotation: no property, no {@code @TestConfiguration},
 * no mock bean, no {@code @DynamicPropertySource}, no {@code @DirtiesContext}. Give a run's
 * options as the job parameters the CLI would give ({@link CloseJobParameters}, such as
 * {@code maxRejectPct}). A test that needs another configuration is another kind of test, with
 * an embedded database of its own (a URL of its own), as the delivery's flaky SMTP server has.
 * <p>
 * The classes share the database too: each test starts on an empty one ({@link EmptyDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBatchTest
@SpringBootTest(properties = CloseJobTest.DATABASE)
@ExtendWith(EmptyDatabase.class)
public @interface CloseJobTest {

	/** The one embedded database of the close job's tests. */
	String DATABASE = "spring.datasource.url=jdbc:h2:mem:close-job-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

}
