package org.migrationledger.config;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.migrationledger.upcasting.LedgerUpcasters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place the ledger's upcasters are registered, as one chain so their order is the order of
 * {@link LedgerUpcasters#all()}. Axon's auto-configuration hands every {@code EventUpcaster} bean to the
 * configuration's upcaster chain, which the JDBC storage engine applies to events and snapshots alike; no upcaster may
 * be a bean of its own, or the order would be Spring's instead.
 */
@Configuration(proxyBeanMethods = false)
class UpcasterConfig {

    @Bean
    EventUpcasterChain ledgerUpcasterChain() {
        return LedgerUpcasters.chain();
    }
}
