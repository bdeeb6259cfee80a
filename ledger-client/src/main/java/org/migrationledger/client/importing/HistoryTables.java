package org.migrationledger.client.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.migrationledger.client.migrations.Migration;
import org.migrationledger.client.migrations.MigrationName;
import org.migrationledger.client.migrations.VersionScheme;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.snapshot.FlywayHistoryRow;
import org.migrationledger.naming.MigrationIds;
import org.migrationledger.naming.VersionOrder;

/**
 * Reads the history tables pipelines kept before the ledger: Flyway's {@code flyway_schema_history} and the seeds'
 * {@code schema_versions} ({@code version, migration_file, applied_at, applied_by, description, rollback_safe}).
 */
public final class HistoryTables {

    public static final String FLYWAY = "flyway_schema_history";
    public static final String SCHEMA_VERSIONS = "schema_versions";

    /** Flyway's own rows, which are no migration runs. */
    private static final Set<String> MARKERS = Set.of("SCHEMA", "BASELINE", "DELETE");

    private HistoryTables() {}

    /**
     * The versioned runs of a Flyway history, with semantic versions derived as {@code propose} derives them.
     *
     * @param scripts SHA-256 of each migration's script by migration id, from the migrations directory; empty when
     *     the directory is not at hand
     */
    public static List<ImportedRun> flyway(
            Connection connection, String table, VersionScheme scheme, String startVersion, Map<String, String> scripts)
            throws SQLException {
        List<FlywayHistoryRow> rows = FlywayHistoryCapture.read(connection, table).stream()
                .filter(row -> row.version() != null && !MARKERS.contains(row.type()))
                .filter(row -> row.type() == null || !row.type().startsWith("UNDO"))
                .toList();
        Map<String, String> versions = semanticVersions(rows, scheme, startVersion);
        List<ImportedRun> runs = new ArrayList<>();
        for (FlywayHistoryRow row : rows) {
            String migrationId = MigrationIds.fromFlyway(row.version(), row.description());
            runs.add(new ImportedRun(
                    migrationId,
                    versions.get(row.version()),
                    row.description(),
                    row.script(),
                    Optional.ofNullable(scripts.get(migrationId)).orElse("imported:flyway-crc32:" + row.checksum()),
                    row.installedBy(),
                    row.installedOn(),
                    row.executionTimeMs() == null ? null : row.executionTimeMs().longValue(),
                    row.success(),
                    null));
        }
        return runs;
    }

    /** The rows of the seeds' {@code schema_versions} table in the order they were applied. */
    public static List<ImportedRun> schemaVersions(Connection connection, String table, Map<String, String> scripts)
            throws SQLException {
        String qualified = FlywayHistoryCapture.locate(connection, table)
                .orElseThrow(() -> new IllegalArgumentException("The database has no table " + table + "."));
        String sql = "SELECT version, migration_file, applied_at AT TIME ZONE current_setting('TimeZone'), applied_by,"
                + " description, rollback_safe FROM " + qualified + " ORDER BY applied_at, id";
        List<ImportedRun> runs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String file = rs.getString(2);
                String migrationId = fileStem(file);
                runs.add(new ImportedRun(
                        migrationId,
                        rs.getString(1),
                        rs.getString(5),
                        file,
                        Optional.ofNullable(scripts.get(MigrationName.parse(file)
                                        .map(MigrationName::migrationId)
                                        .orElse(migrationId)))
                                .orElse("imported:schema_versions"),
                        rs.getString(4),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        null,
                        true,
                        (Boolean) rs.getObject(6)));
            }
        }
        return runs;
    }

    /** SHA-256 of each migration's up script by migration id. */
    public static Map<String, String> checksums(List<Migration> migrations) {
        Map<String, String> checksums = new LinkedHashMap<>();
        migrations.forEach(m -> checksums.put(m.migrationId(), m.checksum()));
        return checksums;
    }

    private static Map<String, String> semanticVersions(
            List<FlywayHistoryRow> rows, VersionScheme scheme, String startVersion) {
        List<String> distinct = rows.stream()
                .map(FlywayHistoryRow::version)
                .distinct()
                .sorted(VersionOrder.INSTANCE)
                .toList();
        List<Migration> placeholders = distinct.stream()
                .map(v -> new Migration(v, v, null, v, java.nio.file.Path.of(v), "", null, null, ""))
                .toList();
        Map<String, String> versions = new LinkedHashMap<>();
        scheme.assign(placeholders, startVersion).forEach(m -> versions.put(m.fileVersion(), m.version()));
        return versions;
    }

    private static String fileStem(String file) {
        Function<String, String> strip = name -> name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
        return strip.apply(file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file);
    }
}
