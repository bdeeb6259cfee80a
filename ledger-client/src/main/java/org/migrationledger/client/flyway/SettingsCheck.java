package org.migrationledger.client.flyway;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerUnreachableException;
import org.migrationledger.client.spool.OnUnreachable;

/**
 * Asks the ledger, before the first migration runs, whether this run's reports would be taken: the token is valid and
 * holds the pipeline role, the database is registered and the environment is on its path. A wrong token, role,
 * database or environment stops the run whatever {@code ledger.on-unreachable} says: every report would be refused,
 * and a migration nobody records is what the ledger exists to prevent. An unreachable ledger is no misconfiguration:
 * the run goes on and spools ({@code SPOOL}) or stops ({@code FAIL}), as for any report.
 */
final class SettingsCheck {

    private static final Log LOG = LogFactory.getLog(SettingsCheck.class);

    private SettingsCheck() {}

    static void verify(CallbackSettings settings) {
        String path = LedgerClient.databasePath(
                settings.database(), "environments", settings.environment(), "reporting-access");
        LedgerAnswer answer;
        try {
            answer = new LedgerClient(settings.connection()).get(path);
        } catch (LedgerUnreachableException e) {
            if (settings.onUnreachable() == OnUnreachable.FAIL) {
                throw e;
            }
            LOG.warn("Ledger: cannot check the settings (" + e.getMessage() + "); reports will be spooled.");
            return;
        }
        if (answer.status() == 404 && answer.problemType().equals("not-found")) {
            LOG.warn("Ledger: this ledger cannot check settings (no " + path + "); reports are checked as they go.");
            return;
        }
        if (!answer.succeeded()) {
            throw new FlywayException(refusal(settings, answer));
        }
    }

    private static String refusal(CallbackSettings settings, LedgerAnswer answer) {
        String what = switch (answer.status()) {
            case 401 -> "the token (ledger.token / LEDGER_TOKEN) is missing or unknown to the ledger";
            case 403 -> "the token does not hold the pipeline role";
            case 404 ->
                "ledger.database=" + settings.database() + " / ledger.environment=" + settings.environment()
                        + " is not registered";
            default -> "the ledger refused the settings";
        };
        return "Ledger: stopped before the first migration: " + what + " (" + answer.status() + ": "
                + answer.problemDetail() + "). Nothing was migrated; fix the setting and run again.";
    }
}
