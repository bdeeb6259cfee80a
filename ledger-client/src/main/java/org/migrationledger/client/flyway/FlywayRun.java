package org.migrationledger.client.flyway;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.OperationResult;
import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.reports.ApplyReport;
import org.migrationledger.client.reports.RepairReport;
import org.migrationledger.client.reports.RollbackReport;
import org.migrationledger.client.snapshot.SchemaSnapshot;
import org.migrationledger.naming.MigrationIds;

/** The reports of one Flyway operation: what each migration did, what a repair changed, and the schema it left. */
final class FlywayRun {

    private static final Log LOG = LogFactory.getLog(LedgerCallback.class);

    private final CallbackSettings settings;
    private final RunDelivery delivery;
    private Instant startedAt;
    private long startedNanos;
    private String error;
    private String failedStatement;
    private LedgerWrite heldSnapshot;

    FlywayRun(CallbackSettings settings) {
        this.settings = settings;
        this.delivery = new RunDelivery(settings);
    }

    CallbackSettings settings() {
        return settings;
    }

    void flushSpool() {
        delivery.flushSpool();
    }

    void begin() {
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
        error = null;
        failedStatement = null;
    }

    void error(String message, String statement) {
        error = message;
        failedStatement = statement;
    }

    void reportApply(Context context, boolean succeeded) {
        MigrationInfo info = context.getMigrationInfo();
        if (info == null || info.getVersion() == null) {
            return;
        }
        String migrationId = MigrationIds.fromFlyway(info.getVersion().getVersion(), info.getDescription());
        String checksum =
                ScriptSource.checksum(info, context.getConfiguration()).orElse(null);
        if (checksum == null) {
            LOG.warn("Ledger: not reporting " + info.getScript() + ": no script to take the SHA-256 of"
                    + " (a Java migration?)");
            return;
        }
        ApplyReport report = new ApplyReport(
                migrationId,
                checksum,
                succeeded ? "SUCCEEDED" : "FAILED",
                startedAt,
                startedAt == null ? 0 : (System.nanoTime() - startedNanos) / 1_000_000,
                succeeded ? null : error == null ? "Flyway reported the migration as failed" : error,
                succeeded ? null : failedStatement,
                MigrationIds.semanticVersionOf(info.getVersion().getVersion()).orElse(null),
                CallbackSettings.TOOL,
                settings.connection().runUrl());
        String summary = (succeeded ? "applied " : "failed ") + migrationId + " in " + settings.environment();
        delivery.deliver(report.toWrite(settings.database(), settings.environment(), summary));
    }

    void reportUndo(Context context) {
        MigrationInfo info = context.getMigrationInfo();
        if (info == null || info.getVersion() == null) {
            return;
        }
        String migrationId = MigrationIds.fromFlyway(info.getVersion().getVersion(), info.getDescription());
        RollbackReport report = new RollbackReport(
                migrationId, "flyway undo " + info.getScript(), "DOWN_SCRIPT", CallbackSettings.TOOL, null);
        String summary = "undid " + migrationId + " in " + settings.environment();
        delivery.deliver(report.toWrite(settings.database(), settings.environment(), summary));
    }

    void reportSnapshot(Context context, String trigger) {
        capture(context, trigger).ifPresent(delivery::deliver);
    }

    /** Reads the schema now and sends it later: after a repair, the connection is gone by the time it is reported. */
    void holdSnapshot(Context context, String trigger) {
        heldSnapshot = capture(context, trigger).orElse(null);
    }

    void sendHeldSnapshot() {
        if (heldSnapshot != null) {
            LedgerWrite snapshot = heldSnapshot;
            heldSnapshot = null;
            delivery.deliver(snapshot);
        }
    }

    void reportRepair(OperationResult result) {
        if (!(result instanceof RepairResult repair)) {
            return;
        }
        RepairReport report = new RepairReport(
                CallbackSettings.TOOL,
                entries(repair.migrationsRemoved),
                entries(repair.migrationsDeleted),
                entries(repair.migrationsAligned));
        if (report.changed() == 0) {
            LOG.info("Ledger: the repair of " + settings.environment() + " changed nothing; nothing to report.");
            return;
        }
        String summary = "repair of " + settings.environment() + "'s history (" + report.changed() + " entries)";
        delivery.deliver(report.toWrite(settings.database(), settings.environment(), summary));
    }

    void summarise() {
        delivery.summarise();
    }

    private Optional<LedgerWrite> capture(Context context, String trigger) {
        Configuration configuration = context.getConfiguration();
        String schema = configuration.getDefaultSchema() != null
                ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        String table = schema == null ? configuration.getTable() : schema + "." + configuration.getTable();
        try {
            SchemaSnapshot snapshot = SchemaSnapshot.capture(
                    context.getConnection(), trigger, true, true, List.of(configuration.getSchemas()), table);
            String summary = "schema of " + settings.environment() + " after " + trigger.toLowerCase(Locale.ROOT);
            return Optional.of(LedgerWrite.toEnvironment(
                    settings.database(), settings.environment(), "schema-snapshots", snapshot, summary));
        } catch (SQLException e) {
            LOG.warn("Ledger: could not capture the schema of " + settings.environment() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<RepairReport.Entry> entries(List<RepairOutput> outputs) {
        if (outputs == null) {
            return List.of();
        }
        return outputs.stream()
                .map(output -> new RepairReport.Entry(
                        output.version == null || output.version.isBlank() ? null : output.version,
                        output.description,
                        output.filepath))
                .toList();
    }
}
