package org.migrationledger.client.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.migrationledger.client.spool.OnUnreachable;

class CallbackSettingsTest {

    @Test
    void readsFlywayPlaceholdersFromFlywayConfiguration() {
        Map<String, String> placeholders = Flyway.configure()
                .configuration(Map.of(
                        "flyway.placeholders.ledger.database", "wishlist",
                        "flyway.placeholders.ledger.environment", "staging"))
                .getPlaceholders();

        CallbackSettings settings = CallbackSettings.resolve(Map.of(), placeholders, Map.of("LEDGER_TOKEN", "secret"));

        assertThat(settings.database()).isEqualTo("wishlist");
        assertThat(settings.environment()).isEqualTo("staging");
        assertThat(settings.connection().url()).hasToString(CallbackSettings.DEFAULT_URL);
        assertThat(settings.onUnreachable()).isEqualTo(OnUnreachable.SPOOL);
        assertThat(settings.spoolDirectory()).isEqualTo(Path.of("ledger-spool"));
        assertThat(settings.snapshotAfterMigrate()).isTrue();
    }

    @Test
    void readsUnderscorePlaceholdersAsFlywaysCommandLineAndEnvironmentDeliverThem() {
        // -placeholders.ledger_database=… keeps the case typed; FLYWAY_PLACEHOLDERS_LEDGER_… arrives lowercased.
        Map<String, String> placeholders = Map.of(
                "ledger_database", "wishlist",
                "LEDGER_ENVIRONMENT", "staging",
                "ledger_on_unreachable", "fail",
                "ledger_spool_dir", "/var/spool/ledger",
                "ledger_run_url", "https://ci.example.com/jobs/7",
                "ledger_snapshot", "false");

        CallbackSettings settings = CallbackSettings.resolve(Map.of(), placeholders, Map.of("LEDGER_TOKEN", "secret"));

        assertThat(settings.database()).isEqualTo("wishlist");
        assertThat(settings.environment()).isEqualTo("staging");
        assertThat(settings.onUnreachable()).isEqualTo(OnUnreachable.FAIL);
        assertThat(settings.spoolDirectory()).isEqualTo(Path.of("/var/spool/ledger"));
        assertThat(settings.connection().runUrl()).isEqualTo("https://ci.example.com/jobs/7");
        assertThat(settings.snapshotAfterMigrate()).isFalse();
    }

    @Test
    void theDottedPlaceholderWinsOverTheUnderscoredOneWhichWinsOverTheEnvironment() {
        CallbackSettings settings = CallbackSettings.resolve(
                Map.of(),
                Map.of("ledger.environment", "production", "ledger_environment", "staging", "ledger_database", "shop"),
                Map.of("LEDGER_ENVIRONMENT", "ci", "LEDGER_DATABASE", "wishlist", "LEDGER_TOKEN", "secret"));

        assertThat(settings.environment()).isEqualTo("production");
        assertThat(settings.database()).isEqualTo("shop");
    }

    @Test
    void systemPropertiesWinOverPlaceholdersWhichWinOverTheEnvironment() {
        CallbackSettings settings = CallbackSettings.resolve(
                Map.of("ledger.environment", "production"),
                Map.of("ledger.environment", "staging", "ledger.on-unreachable", "fail"),
                Map.of(
                        "LEDGER_ENVIRONMENT", "ci",
                        "LEDGER_DATABASE", "wishlist",
                        "LEDGER_TOKEN", "secret",
                        "LEDGER_URL", "https://ledger.example.com/",
                        "LEDGER_SNAPSHOT", "false"));

        assertThat(settings.environment()).isEqualTo("production");
        assertThat(settings.onUnreachable()).isEqualTo(OnUnreachable.FAIL);
        assertThat(settings.connection().url()).hasToString("https://ledger.example.com");
        assertThat(settings.snapshotAfterMigrate()).isFalse();
        assertThat(settings.connection().toString()).doesNotContain("secret");
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> CallbackSettings.resolve(Map.of(), Map.of(), Map.of("LEDGER_TOKEN", "secret")))
                .hasMessageContaining("ledger.database")
                .hasMessageContaining("ledger_database on Flyway's command line")
                .hasMessageContaining("LEDGER_DATABASE");
        assertThatThrownBy(() -> CallbackSettings.resolve(
                        Map.of(), Map.of(), Map.of("LEDGER_DATABASE", "w", "LEDGER_ENVIRONMENT", "ci")))
                .hasMessageContaining("LEDGER_TOKEN");
    }
}
