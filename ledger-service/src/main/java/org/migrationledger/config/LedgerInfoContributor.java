package org.migrationledger.config;

import java.util.Map;
import org.migrationledger.embedded.EmbeddedPostgresServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Adds to {@code /actuator/info} (open to everyone, beside the build's version) which kind of PostgreSQL this ledger
 * keeps its facts in, so that {@code ledger --version} can tell a trial installation from a production one.
 */
@Component
class LedgerInfoContributor implements InfoContributor {

    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    LedgerInfoContributor(ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.embedded = embedded;
    }

    @Override
    public void contribute(Info.Builder builder) {
        boolean isEmbedded = embedded.getIfAvailable() != null;
        builder.withDetail("database", Map.of("kind", isEmbedded ? "embedded" : "external"));
    }
}
