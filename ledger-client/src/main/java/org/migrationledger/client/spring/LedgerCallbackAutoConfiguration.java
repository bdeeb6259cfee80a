package org.migrationledger.client.spring;

import org.flywaydb.core.Flyway;
import org.migrationledger.client.flyway.LedgerCallback;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Reports an application's Flyway migrations to the ledger: a {@link LedgerCallback} bean, which Boot's Flyway
 * auto-configuration hands to Flyway with every other {@code Callback} bean. Only where {@code ledger.database} is set,
 * so an application that merely has the client on its classpath (the ledger's own tests do) reports nothing.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnProperty(prefix = "ledger", name = "database")
@EnableConfigurationProperties(LedgerCallbackProperties.class)
public class LedgerCallbackAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LedgerCallback ledgerCallback(LedgerCallbackProperties properties) {
        return new LedgerCallback(properties.settings());
    }
}
