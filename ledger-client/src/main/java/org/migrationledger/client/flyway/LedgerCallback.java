package org.migrationledger.client.flyway;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

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
    private FlywayRun run;

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
            case AFTER_EACH_MIGRATE_STATEMENT_ERROR -> run(context).error(errorOf(context), statementOf(context));
            case AFTER_EACH_MIGRATE -> run(context).reportApply(context, true);
            case AFTER_EACH_MIGRATE_ERROR -> run(context).reportApply(context, false);
            case AFTER_EACH_UNDO -> run(context).reportUndo(context);
            case AFTER_MIGRATE -> observe(context, "MIGRATE");
            case AFTER_MIGRATE_ERROR, AFTER_MIGRATE_OPERATION_FINISH ->
                run(context).summarise();
            case AFTER_REPAIR -> {
                // The connection is gone by the time Flyway hands over what the repair did: read the schema now,
                // send it after the repair itself, so the ledger records the repair before what it left.
                FlywayRun current = run(context);
                if (current.settings().snapshotAfterMigrate()) {
                    current.holdSnapshot(context, "REPAIR");
                }
            }
            case AFTER_REPAIR_OPERATION_FINISH -> {
                FlywayRun current = run(context);
                current.reportRepair(context.getOperationResult());
                current.sendHeldSnapshot();
                current.summarise();
            }
            default -> {}
        }
    }

    private void start(Context context) {
        run = new FlywayRun(settings(context.getConfiguration()));
        SettingsCheck.verify(run.settings());
        run.flushSpool();
    }

    private void observe(Context context, String trigger) {
        FlywayRun current = run(context);
        if (current.settings().snapshotAfterMigrate()) {
            current.reportSnapshot(context, trigger);
        }
    }

    private FlywayRun run(Context context) {
        if (run == null) {
            run = new FlywayRun(settings(context.getConfiguration()));
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

    private static String statementOf(Context context) {
        return context.getStatement() == null
                ? null
                : context.getStatement().getSql().strip();
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
}
