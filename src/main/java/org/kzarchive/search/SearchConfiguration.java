package org.kzarchive.search;

import org.kzarchive.system.ArchiveProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The search index in the data directory, the database it mirrors, and the search over it. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** Opened by {@link IndexUpdater} once the database is migrated; closed with the application. */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(ArchiveProperties properties) {
        return new SearchIndex(properties.indexDir());
    }

    @Bean
    PassageSearch passageSearch(SearchIndex index) {
        return new PassageSearch(index);
    }

    @Bean
    DatabasePassageSource databasePassageSource(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new DatabasePassageSource(jdbc, transactions);
    }

    @Bean
    TranslationStates translationStates(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new TranslationStates(jdbc, transactions);
    }
}
