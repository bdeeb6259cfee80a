package org.migrationledger.config;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import java.util.OptionalLong;
import javax.cache.CacheManager;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps loaded ledgers in memory so a write does not replay the stream: a bounded cache of strong references
 * (Caffeine behind JCache), because Axon's {@code WeakReferenceCache} lost its entries at every young collection and
 * turned a third to most writes under load into a reload (docs/benchmarks.md). Safe across nodes: before each command
 * ledger/LedgerStreamGuard compares the stream's committed head with the copy's and evicts a stale copy, under a lock
 * all nodes share (docs/reliability.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateCacheSettings.class)
class AggregateCacheConfig {

    private static final String LEDGERS = "schema-ledgers";

    /** A provider of its own, not the JVM-wide one of {@code Caching}: two contexts in one JVM never share a cache. */
    @Bean(destroyMethod = "close")
    CacheManager ledgerCacheManager() {
        CaffeineCachingProvider provider = new CaffeineCachingProvider();
        return provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader());
    }

    @Bean
    Cache schemaLedgerCache(CacheManager ledgerCacheManager, AggregateCacheSettings settings) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(settings.maximumLedgers()));
        // By reference: Axon caches the live aggregate, which by-value JCache would copy (and need to serialise).
        configuration.setStoreByValue(false);
        return new JCacheAdapter(ledgerCacheManager.createCache(LEDGERS, configuration));
    }
}
