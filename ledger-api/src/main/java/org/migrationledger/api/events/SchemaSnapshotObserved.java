package org.migrationledger.api.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A pipeline observed what really is in an environment's database: its schema from the catalog and/or its
 * {@code flyway_schema_history}; emitted by {@code POST /databases/{db}/environments/{env}/schema-snapshots} (the CLI's
 * {@code snapshot}, or the Flyway callback after a migrate or repair).
 *
 * @param capturedAt when the database was read, by the database's clock
 * @param trigger why it was captured: {@code MIGRATE}, {@code REPAIR}, {@code BASELINE} or {@code MANUAL}
 * @param schemaVersion the schema version the ledger had recorded in the environment when the observation arrived;
 *     null when nothing was applied there yet
 * @param schema the observed schema; null when only the history was captured
 * @param flywayHistory the history table's rows in installed order; null when not captured (or the database has no
 *     history table)
 */
@Revision("1")
public record SchemaSnapshotObserved(
        String database,
        String environment,
        Instant capturedAt,
        String trigger,
        String schemaVersion,
        Schema schema,
        List<HistoryRow> flywayHistory)
        implements LedgerEvent {

    public SchemaSnapshotObserved {
        flywayHistory = flywayHistory == null ? null : List.copyOf(flywayHistory);
    }

    /**
     * A database schema as its catalog describes it.
     *
     * @param serverVersion the PostgreSQL server version
     * @param tables tables ordered by schema and name
     * @param enums enum types with their labels in sort order
     */
    public record Schema(String serverVersion, List<Table> tables, List<EnumType> enums) {

        public Schema {
            tables = List.copyOf(tables);
            enums = List.copyOf(enums);
        }
    }

    /** A table with its columns in ordinal order, and its indexes and constraints by name. */
    public record Table(
            String schema, String name, List<Column> columns, List<Index> indexes, List<Constraint> constraints) {

        public Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * @param type the type as PostgreSQL formats it, e.g. {@code character varying(255)}
     * @param defaultValue the default expression; null when none
     */
    public record Column(String name, String type, boolean nullable, String defaultValue) {}

    /** @param definition the index as {@code pg_get_indexdef} prints it */
    public record Index(String name, String definition, boolean unique) {}

    /**
     * @param type {@code PRIMARY KEY}, {@code FOREIGN KEY}, {@code UNIQUE}, {@code CHECK}, {@code EXCLUDE} or
     *     {@code NOT NULL}
     * @param definition as {@code pg_get_constraintdef} prints it, plus {@code NOT VALID} when not validated
     */
    public record Constraint(String name, String type, String definition) {}

    /** An enum type and its labels in sort order. */
    public record EnumType(String schema, String name, List<String> values) {

        public EnumType {
            values = List.copyOf(values);
        }
    }

    /**
     * One row of {@code flyway_schema_history}, as Flyway wrote it.
     *
     * @param version null for repeatable migrations and Flyway's markers
     * @param checksum Flyway's own CRC32 checksum (not the ledger's SHA-256); null for markers
     * @param migrationId the ledger's id for the row's migration ({@code NNNN_snake_description}); null when the row
     *     is not a versioned migration
     */
    public record HistoryRow(
            int installedRank,
            String version,
            String description,
            String type,
            String script,
            Integer checksum,
            String installedBy,
            Instant installedOn,
            Integer executionTimeMs,
            boolean success,
            String migrationId) {}
}
