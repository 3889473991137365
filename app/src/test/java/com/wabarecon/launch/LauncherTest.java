package com.wabarecon.launch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.wabarecon.EmptyDatabase;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the launcher in this JVM ({@link CloseLauncher}, {@link ScheduledClose}) on the
 * embedded database: H2 in memory, whose lock timeout outlasts the rows a test holds
 * ({@link HeldClientRow}); a close given no output folder writes under the temporary folder.
 * Every class so annotated gets the same application context from Spring's test context cache,
 * so add nothing to the context beside this annotation (see {@code CloseJobTest}). The classes
 * share the database too: each test starts on an empty one ({@link EmptyDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = { "spring.datasource.url=" + LauncherTest.URL,
		"recon.out=${java.io.tmpdir}/recon-launcher-tests" })
@ExtendWith(EmptyDatabase.class)
@interface LauncherTest {

	/** The one embedded database of the launcher's tests. */
	String URL = "jdbc:h2:mem:launcher-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
			+ "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000";

}
