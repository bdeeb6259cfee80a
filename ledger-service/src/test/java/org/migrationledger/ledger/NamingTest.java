package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationledger.client.migrations.MigrationName;

class NamingTest {

    @ParameterizedTest
    @CsvSource({
        "0007_create_wishlist_items, 0007_create_wishlist_items",
        "0007_create_wishlist_items.sql, 0007_create_wishlist_items",
        "V7__Create_wishlist_items, 0007_create_wishlist_items",
        "V42__add-user email.sql, 0042_add_user_email",
        "V1.2__Add_users, 0001_2_add_users",
        "V2_1_3__fix, 0002_1_3_fix",
        "20191100000001000000_identities, 20191100000001000000_identities"
    })
    void normalisesBothConventions(String raw, String expected) {
        assertThat(Naming.normaliseMigrationId(raw)).contains(expected);
    }

    /** The CLI derives ids from file names on its own (it must stay small on Flyway's classpath); both must agree. */
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
    void theClientDerivesTheSameIdAsTheLedger(String fileName) {
        String clientId = MigrationName.parse(fileName).orElseThrow().migrationId();
        String ledgerName = fileName.startsWith("V") ? fileName : clientId;

        assertThat(Naming.normaliseMigrationId(ledgerName)).contains(clientId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"add_users", "7_add_users", "0007-add-users", "0007_Add_Users", "V__x", "0007_", "U7__undo"})
    void refusesAnythingElse(String raw) {
        assertThat(Naming.normaliseMigrationId(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.1.10", "2.0.0-rc.1", "1.0.0+build.5"})
    void acceptsSemanticVersions(String version) {
        assertThat(version).matches(Naming.SEMVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "01.0.0", "v1.0.0", "1.0.0.0", ""})
    void refusesWhatIsNotSemver(String version) {
        assertThat(version).doesNotMatch(Naming.SEMVER);
    }

    @Test
    void ordersMigrationsByTheirNumberNotTheirText() {
        assertThat(MigrationOrder.INSTANCE.compare("0010_b", "0009_a")).isPositive();
        assertThat(MigrationOrder.INSTANCE.compare("20191100000001000000_a", "0010_z"))
                .isPositive();
        assertThat(MigrationOrder.INSTANCE.compare("0010_a", "0010_b")).isNegative();
    }
}
