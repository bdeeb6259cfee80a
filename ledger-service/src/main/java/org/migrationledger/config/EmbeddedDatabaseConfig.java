package org.migrationledger.config;

import com.zaxxer.hikari.HikariDataSource;
import org.migrationledger.embedded.EmbeddedPostgresServer;
import org.migrationledger.embedded.EmbeddedPostgresSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The development default: without {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}) the service
 * starts an embedded PostgreSQL whose data stays in {@code ledger.embedded.data-dir}, and says so loudly. The server
 * is a bean, so it stops after the pool that uses it; the DataSource is Boot's Hikari, bound to the usual
 * {@code spring.datasource.hikari.*} settings.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoDataSourceConfigured.class)
class EmbeddedDatabaseConfig {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);
    private static final String RULE = "=".repeat(110);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedDatabaseSettings settings) {
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(EmbeddedPostgresSettings.durable(settings.dataDir(), settings.port())
                        .withSystemUser(settings.systemUser()));
        server.createDatabaseIfMissing(settings.database());
        announce(server, settings);
        return server;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseSettings settings) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl(settings.database()))
                .username(server.user())
                .build();
    }

    private static void announce(EmbeddedPostgresServer server, EmbeddedDatabaseSettings settings) {
        LOG.warn(
                """

                {}
                 No datasource is configured (SPRING_DATASOURCE_URL / spring.datasource.url): this ledger runs on an
                 EMBEDDED PostgreSQL {}, the development and trial default.
                   data:   {} (ledger.embedded.data-dir); kept across restarts, backed up by nobody but you
                   server: {} as user {}, trust authentication, 127.0.0.1 only; runs as {}
                   log:    {}
                 A production installation sets SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and
                 SPRING_DATASOURCE_PASSWORD) to its own PostgreSQL; then nothing embedded starts.
                {}""",
                RULE,
                server.version(),
                server.settings().dataDirectory(),
                server.jdbcUrl(settings.database()),
                server.user(),
                server.account().describe(),
                server.settings().dataDirectory().resolve("postgresql.log"),
                RULE);
    }

    /** Matches when no datasource URL is set anywhere Spring looks (properties, environment, arguments). */
    static class NoDataSourceConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
