package org.kzarchive.system;

import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** messages.properties (Italian) and messages_&lt;lang&gt;.properties, formatted by {@link IcuMessageSource}. */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        IcuMessageSource messages = new IcuMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // a language without a bundle gets the Italian one, never the server's own language
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
