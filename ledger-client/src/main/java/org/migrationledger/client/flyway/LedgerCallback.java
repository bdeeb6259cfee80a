package org.migrationledger.client.flyway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.OperationResult;
import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.snapshot.SchemaSnapshot;
import org.migrationledger.client.spool.Delivery;
import org.migrationledger.client.spool.Spool;
import org.migrationledger.naming.MigrationIds;

/**
 * Reports every migration of a {@code flyway migrate} to the ledger: success with the script's SHA-256 and the time
 * it took, failure with the statement that failed (and the database's error where Flyway hands it to callbacks), an
 * undo as a rollback by down script, and a {@code flyway repair} that changed the history as its own fact (failed runs
 * removed, entries marked deleted, checksums realigned); after a migrate or a repair it sends the schema and the
 * history table as observed. Reports the ledger cannot take are spooled (or fail the run,
 * see {@link CallbackSettings}) and delivered, in order, before the next run's first report.
 *
 * <p>On the Flyway command line: put {@code ledger-client.jar} in Flyway's {@code jars/} folder and pass
 * {@code -callbacks=org.migrationledger.client.flyway.LedgerCallback}. In Spring Boot: set {@code ledger.database}
 * and {@code org.migrationledger.client.spring.LedgerCallbackAutoConfiguration} declares it as a bean.
 */
public class LedgerCallback implements Callback {

    private static final Log LOG = LogFactory.getLog(LedgerCallback.class);
    private static final Set<Event> EVENTS = EnumSet.of(
            Event.BEFORE_MIGRATE,
            Event.BEFORE_EACH_MIGRATE,
            Event.AFTER_EACH_MIGRATE_STATEMENT_ERROR,
            Event.AFTER_EACH_MIGRATE,
            Event.AFTER_EACH_MIGRATE_ERROR,
            Event.AFTER_MIGRATE,
            Event.AFTER_MIGRATE_ERROR,
            Event.AFTER_MIGRATE_OPERATION_FINISH,
            Event.BEFORE_EACH_UNDO,
            Event.AFTER_EACH_UNDO,
            Event.AFTER_REPAIR,
            Event.AFTER_REPAIR_OPERATION_FINISH);

    private final CallbackSettings configured;
    private final Map<String, String> environment;
    private Run run;

    /** For the Flyway command line: settings come from system properties, placeholders and the environment. */
    public LedgerCallback() {
        this(null, System.getenv());
    }

    /** For applications: settings given in code (e.g. a Spring bean built from properties). */
    public LedgerCallback(CallbackSettings settings) {
        this(settings, Map.of());
    }

    LedgerCallback(CallbackSettings settings, Map<String, String> environment) {
        this.configured = settings;
        this.environment = environment;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return EVENTS.contains(event);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "migration-ledger";
    }

    @Override
    public void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_MIGRATE -> start(context);
            case BEFORE_EACH_MIGRATE, BEFORE_EACH_UNDO -> run(context).begin();
            case AFTER_EACH_MIGRATE_STATEMENT_ERROR -> run(context).error(errorOf(context));
            case AFTER_EACH_MIGRATE -> run(context).reportApply(context, true);
            case AFTER_EACH_MIGRATE_ERROR -> run(context).reportApply(context, false);
            case AFTER_EACH_UNDO -> run(context).reportUndo(context);
            case AFTER_MIGRATE -> observe(context, "MIGRATE");
            case AFTER_MIGRATE_ERROR, AFTER_MIGRATE_OPERATION_FINISH ->
                run(context).summarise();
            case AFTER_REPAIR -> {
                // The connection is gone by the time Flyway hands over what the repair did: read the schema now,
                // send it after the repair itself, so the ledger records the repair before what it left.
                Run current = run(context);
                if (current.settings.snapshotAfterMigrate()) {
                    current.holdSnapshot(context, "REPAIR");
                }
            }
            case AFTER_REPAIR_OPERATION_FINISH -> {
                Run current = run(context);
                current.reportRepair(context.getOperationResult());
                current.sendHeldSnapshot();
                current.summarise();
            }
            default -> {}
        }
    }

    private void start(Context context) {
        run = new Run(settings(context.getConfiguration()));
        SettingsCheck.verify(run.settings);
        run.flushSpool();
    }

    private void observe(Context context, String trigger) {
        Run current = run(context);
        if (current.settings.snapshotAfterMigrate()) {
            current.reportSnapshot(context, trigger);
        }
    }

    private Run run(Context context) {
        if (run == null) {
            run = new Run(settings(context.getConfiguration()));
        }
        return run;
    }

    private CallbackSettings settings(Configuration configuration) {
        if (configured != null) {
            return configured;
        }
        Map<String, String> system = new HashMap<>();
        System.getProperties().forEach((key, value) -> system.put(key.toString(), value.toString()));
        return CallbackSettings.resolve(system, configuration.getPlaceholders(), environment);
    }

    private static String errorOf(Context context) {
        if (context.getStatement() == null) {
            return null;
        }
        String errors = context.getStatement().getErrors().stream()
                .map(e -> (e.getState() == null ? "" : e.getState() + ": ") + e.getMessage())
                .collect(Collectors.joining("; "));
        // Flyway Community fills the errors only for Teams' error handlers; the failing statement is always there.
        return errors.isBlank()
                ? "This statement failed: " + context.getStatement().getSql().strip()
                : errors;
    }

    /** The reports of one Flyway operation. */
    private static final class Run {
        private final CallbackSettings settings;
        private final Delivery delivery;
        private Instant startedAt;
        private long startedNanos;
        private String error;
        private int sent;
        private int spooled;
        private int refused;
        private LedgerWrite heldSnapshot;

        Run(CallbackSettings settings) {
            this.settings = settings;
            this.delivery = new Delivery(
                    new LedgerClient(settings.connection()),
                    new Spool(settings.spoolDirectory()),
                    settings.onUnreachable());
        }

        void flushSpool() {
            Spool spool = delivery.spool();
            if (spool.isEmpty()) {
                return;
            }
            Spool.FlushResult result = spool.flush(new LedgerClient(settings.connection()), step -> {});
            LOG.info("Ledger: delivered " + result.sent() + " spooled report(s) from " + spool.directory()
                    + (result.complete()
                            ? ""
                            : "; " + result.remaining() + " still wait (" + result.unreachable() + ")")
                    + (result.refused() > 0 ? "; " + result.refused() + " refused, kept in " + Spool.REFUSED : ""));
        }

        void begin() {
            startedAt = Instant.now();
            startedNanos = System.nanoTime();
            error = null;
        }

        void error(String message) {
            error = message;
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
            ObjectNode body = LedgerClient.JSON
                    .createObjectNode()
                    .put("migrationId", migrationId)
                    .put("checksum", checksum)
                    .put("outcome", succeeded ? "SUCCEEDED" : "FAILED")
                    .put("durationMs", startedAt == null ? 0 : (System.nanoTime() - startedNanos) / 1_000_000)
                    .put("tool", CallbackSettings.TOOL);
            if (startedAt != null) {
                body.put("startedAt", startedAt.toString());
            }
            if (settings.connection().runUrl() != null) {
                body.put("runUrl", settings.connection().runUrl());
            }
            LedgerWrite write = LedgerWrite.post(
                    LedgerClient.databasePath(settings.database(), "environments", settings.environment(), "applies"),
                    body,
                    (succeeded ? "applied " : "failed ") + migrationId + " in " + settings.environment());
            if (!succeeded) {
                body.put("error", error == null ? "Flyway reported the migration as failed" : error);
            }
            deliver(write);
        }

        void reportUndo(Context context) {
            MigrationInfo info = context.getMigrationInfo();
            if (info == null || info.getVersion() == null) {
                return;
            }
            String migrationId = MigrationIds.fromFlyway(info.getVersion().getVersion(), info.getDescription());
            ObjectNode body = LedgerClient.JSON
                    .createObjectNode()
                    .put("migrationId", migrationId)
                    .put("reason", "flyway undo " + info.getScript())
                    .put("method", "DOWN_SCRIPT")
                    .put("tool", CallbackSettings.TOOL);
            deliver(LedgerWrite.post(
                    LedgerClient.databasePath(settings.database(), "environments", settings.environment(), "rollbacks"),
                    body,
                    "undid " + migrationId + " in " + settings.environment()));
        }

        void reportSnapshot(Context context, String trigger) {
            capture(context, trigger).ifPresent(this::deliver);
        }

        void holdSnapshot(Context context, String trigger) {
            heldSnapshot = capture(context, trigger).orElse(null);
        }

        void sendHeldSnapshot() {
            if (heldSnapshot != null) {
                LedgerWrite snapshot = heldSnapshot;
                heldSnapshot = null;
                deliver(snapshot);
            }
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
                return Optional.of(LedgerWrite.post(
                        LedgerClient.databasePath(
                                settings.database(), "environments", settings.environment(), "schema-snapshots"),
                        LedgerClient.JSON.valueToTree(snapshot),
                        "schema of " + settings.environment() + " after " + trigger.toLowerCase(Locale.ROOT)));
            } catch (SQLException e) {
                LOG.warn("Ledger: could not capture the schema of " + settings.environment() + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        void reportRepair(OperationResult result) {
            if (!(result instanceof RepairResult repair)) {
                return;
            }
            ObjectNode body = LedgerClient.JSON.createObjectNode().put("tool", CallbackSettings.TOOL);
            int changed = entries(body.putArray("removedFailed"), repair.migrationsRemoved)
                    + entries(body.putArray("markedDeleted"), repair.migrationsDeleted)
                    + entries(body.putArray("realigned"), repair.migrationsAligned);
            if (changed == 0) {
                LOG.info("Ledger: the repair of " + settings.environment() + " changed nothing; nothing to report.");
                return;
            }
            deliver(LedgerWrite.post(
                    LedgerClient.databasePath(
                            settings.database(), "environments", settings.environment(), "history-repairs"),
                    body,
                    "repair of " + settings.environment() + "'s history (" + changed + " entries)"));
        }

        private static int entries(ArrayNode target, List<RepairOutput> outputs) {
            if (outputs == null) {
                return 0;
            }
            for (RepairOutput output : outputs) {
                ObjectNode entry = target.addObject();
                entry.put("version", output.version == null || output.version.isBlank() ? null : output.version);
                entry.put("description", output.description);
                entry.put("script", output.filepath);
            }
            return outputs.size();
        }

        void summarise() {
            LOG.info("Ledger: " + sent + " report(s) sent to "
                    + settings.connection().url()
                    + (spooled > 0
                            ? ", " + spooled + " spooled in " + delivery.spool().directory()
                                    + " (run 'ledger flush' or the next migrate to deliver them)"
                            : "")
                    + (refused > 0 ? ", " + refused + " refused by the ledger" : ""));
        }

        private void deliver(LedgerWrite write) {
            Delivery.Outcome outcome = delivery.deliver(write);
            if (outcome.spooled()) {
                spooled++;
                LOG.warn("Ledger unreachable: spooled '" + write.summary() + "' to " + outcome.spooledTo());
                return;
            }
            LedgerAnswer answer = outcome.answer();
            if (!answer.succeeded()) {
                refused++;
                delivery.spool().keepRefused(write, answer);
                LOG.warn("Ledger refused '" + write.summary() + "' (" + answer.status() + "): " + answer.problemDetail()
                        + " — kept in " + delivery.spool().directory().resolve(Spool.REFUSED));
                return;
            }
            sent++;
            answer.body()
                    .path("violations")
                    .forEach(v -> LOG.warn("Ledger recorded '" + write.summary() + "' with a policy violation: "
                            + v.path("code").asText() + " — " + v.path("detail").asText()));
        }
    }
}
