package org.migrationledger.client.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationledger.client.migrations.MigrationName.Direction;
import org.migrationledger.naming.MigrationIds;

class MigrationNameTest {

    /** A file proposed by name (Flyway's) and the same file reported by the CLI or the callback get one id. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "V7__Create_wishlist_items.sql",
                "V42__add-user email.sql",
                "V1.2__Add_users.sql",
                "V2_1_3__fix.sql",
                "0007_create_wishlist_items.sql",
                "20191100000001000000_identities.postgres.up.sql"
            })
    void derivesTheIdTheLedgerDerives(String fileName) {
        String clientId = MigrationName.parse(fileName).orElseThrow().migrationId();
        String ledgerName = fileName.startsWith("V") ? fileName : clientId;

        assertThat(MigrationIds.normalise(ledgerName)).contains(clientId);
    }

    @Test
    void readsVersionDescriptionDirectionAndDialects() {
        MigrationName name = MigrationName.parse("20150100000001000000_networks.postgres.down.sql")
                .orElseThrow();

        assertThat(name.version()).isEqualTo("20150100000001000000");
        assertThat(name.description()).isEqualTo("networks");
        assertThat(name.direction()).isEqualTo(Direction.DOWN);
        assertThat(name.dialects()).containsExactly("postgres");
        assertThat(MigrationName.parse("R__views.sql")).isEmpty();
    }
}
