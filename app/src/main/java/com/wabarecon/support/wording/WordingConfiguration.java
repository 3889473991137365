package com.wabarecon.support.wording;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message bundles as the application's {@link MessageSource} (Spring Boot's own then stands back). */
@Configuration(proxyBeanMethods = false)
class WordingConfiguration {

	@Bean
	MessageSource messageSource() {
		return Wording.messageSource();
	}

}
