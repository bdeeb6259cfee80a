package org.migrationledger.api.queries;

import java.time.Instant;
import java.util.List;

/**
 * Two observed schemas side by side: every table, column, index, constraint and enum value that differs, with the
 * differences that break code written for the reference marked.
 *
 * @param from the reference side
 * @param to the compared side
 * @param breaking whether any difference is breaking
 */
public record SchemaComparisonView(
        String database,
        Side from,
        Side to,
        boolean identical,
        boolean breaking,
        List<SchemaDifferenceView> differences) {

    public SchemaComparisonView {
        differences = List.copyOf(differences);
    }

    /**
     * One observed schema.
     *
     * @param environment where it was observed
     * @param expected true when this side is the schema expected at the version, not the environment's latest
     * @param schemaVersion the ledger's version in the environment when it was observed; null before any apply
     * @param capturedAt when the database was read
     */
    public record Side(String environment, boolean expected, String schemaVersion, Instant capturedAt) {}
}
