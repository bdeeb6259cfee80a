package org.migrationledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory cache of loaded ledgers.
 *
 * @param maximumLedgers how many database ledgers stay loaded; the least recently used beyond it are dropped and
 *     loaded again (snapshot plus tail) on their next write. A ledger of a few hundred migrations holds a few hundred
 *     kilobytes, so the default keeps a thousand databases within a small heap.
 */
@ConfigurationProperties("ledger.aggregate-cache")
record AggregateCacheSettings(@DefaultValue("1000") long maximumLedgers) {

    AggregateCacheSettings {
        if (maximumLedgers < 1) {
            throw new IllegalArgumentException("ledger.aggregate-cache.maximum-ledgers must be at least 1");
        }
    }
}
