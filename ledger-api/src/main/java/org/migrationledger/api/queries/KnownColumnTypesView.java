package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.Map;

/**
 * Column types as a pipeline observed them in one environment.
 *
 * @param environment where they were observed; null when nothing suitable was observed
 * @param schemaVersion the ledger version the environment was at; null before any apply, or when nothing was observed
 * @param capturedAt when the schema was read
 * @param columnTypes types keyed {@code schema.table.column}, as PostgreSQL's {@code format_type} prints them
 */
public record KnownColumnTypesView(
        String environment, String schemaVersion, Instant capturedAt, Map<String, String> columnTypes) {

    public KnownColumnTypesView {
        columnTypes = Map.copyOf(columnTypes);
    }

    public static KnownColumnTypesView none() {
        return new KnownColumnTypesView(null, null, null, Map.of());
    }

    public boolean known() {
        return environment != null;
    }
}
