package org.migrationledger.client.flyway;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.migrationledger.client.http.LedgerConnection;
import org.migrationledger.client.spool.OnUnreachable;

/**
 * How the Flyway callback reports, and where to. Each setting is read, first found wins, from a Java system property
 * ({@code -Dledger.url=…}), a Flyway placeholder, then an environment variable ({@code LEDGER_URL}).
 *
 * <p>A placeholder may be named {@code ledger.url} or {@code ledger_url} (dashes as underscores: {@code
 * ledger_on_unreachable}), the dotted name first. Flyway only carries the dotted name through its configuration files
 * ({@code flyway.placeholders.ledger.url=…} in {@code flyway.conf}, {@code "ledger.url" = "…"} under {@code
 * [flyway.placeholders]} in {@code flyway.toml}): its command line refuses {@code -placeholders.ledger.url=…} as
 * unparsable, and it lowercases {@code FLYWAY_PLACEHOLDERS_LEDGER_URL} to {@code ledger_url}. So the underscore name is
 * what works there ({@code -placeholders.ledger_url=…}, matched whatever its case).
 *
 * @param database the ledger's name of the database being migrated ({@code ledger.database}, {@code LEDGER_DATABASE})
 * @param environment the environment this run migrates ({@code ledger.environment}, {@code LEDGER_ENVIRONMENT})
 * @param onUnreachable {@code SPOOL} (default) or {@code FAIL} ({@code ledger.on-unreachable})
 * @param spoolDirectory where undelivered reports wait ({@code ledger.spool-dir}; default {@code ./ledger-spool})
 * @param snapshotAfterMigrate whether to send the schema and {@code flyway_schema_history} after each migrate and
 *     repair ({@code ledger.snapshot}, default true), which is what structural drift is judged from
 */
public record CallbackSettings(
        LedgerConnection connection,
        String database,
        String environment,
        OnUnreachable onUnreachable,
        Path spoolDirectory,
        boolean snapshotAfterMigrate) {

    public static final String DEFAULT_URL = "http://localhost:8080";
    public static final String DEFAULT_SPOOL = "ledger-spool";
    public static final String TOOL = "flyway";

    /** Resolves the settings from system properties, Flyway placeholders and the environment, in that order. */
    public static CallbackSettings resolve(
            Map<String, String> systemProperties, Map<String, String> placeholders, Map<String, String> environment) {
        Lookup lookup = new Lookup(systemProperties, placeholders, environment);
        LedgerConnection connection = LedgerConnection.of(
                lookup.get("url").orElse(DEFAULT_URL),
                lookup.get("token").orElse(null),
                TOOL,
                lookup.get("run-url").orElse(null));
        return new CallbackSettings(
                connection,
                lookup.required("database"),
                lookup.required("environment"),
                OnUnreachable.valueOf(
                        lookup.get("on-unreachable").orElse("SPOOL").toUpperCase(Locale.ROOT)),
                Path.of(lookup.get("spool-dir").orElse(DEFAULT_SPOOL)),
                !"false".equalsIgnoreCase(lookup.get("snapshot").orElse("true")));
    }

    private record Lookup(Map<String, String> system, Map<String, String> placeholders, Map<String, String> env) {

        Optional<String> get(String name) {
            String key = "ledger." + name;
            String underscored = "ledger_" + name.replace('-', '_');
            String variable = underscored.toUpperCase(Locale.ROOT);
            return first(
                    system.get(key), placeholders.get(key), underscoredPlaceholder(underscored), env.get(variable));
        }

        private String underscoredPlaceholder(String underscored) {
            return placeholders.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(underscored))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        String required(String name) {
            return get(name)
                    .orElseThrow(() -> new IllegalStateException("The ledger callback needs ledger." + name
                            + ": set -Dledger." + name + ", the Flyway placeholder ledger." + name + " (ledger_"
                            + name.replace('-', '_') + " on Flyway's command line) or LEDGER_"
                            + name.toUpperCase(Locale.ROOT).replace('-', '_') + "."));
        }

        private static Optional<String> first(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return Optional.of(value.strip());
                }
            }
            return Optional.empty();
        }
    }
}
