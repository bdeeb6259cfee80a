package org.migrationledger.client.spring;

import java.nio.file.Path;
import org.migrationledger.client.flyway.CallbackSettings;
import org.migrationledger.client.http.LedgerConnection;
import org.migrationledger.client.spool.OnUnreachable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The callback's settings as Spring properties, named as on Flyway's command line ({@code ledger.url}, {@code
 * ledger.on-unreachable}, …); Boot's relaxed binding also reads them from {@code LEDGER_URL}, {@code LEDGER_TOKEN}, ….
 *
 * @param url the ledger's base URL
 * @param token the pipeline principal's bearer token; keep it in the environment ({@code LEDGER_TOKEN})
 * @param database the ledger's name of the database this application migrates
 * @param environment the environment this application runs in, a name from the database's promotion path
 * @param onUnreachable {@code SPOOL} (default) or {@code FAIL}, which stops the migration and so the start-up
 * @param spoolDir where undelivered reports wait, relative to the working directory
 * @param snapshot whether to send the schema and {@code flyway_schema_history} after each migrate
 * @param runUrl the deployment these migrations belong to, recorded as the source of every report
 */
@ConfigurationProperties("ledger")
public record LedgerCallbackProperties(
        @DefaultValue(CallbackSettings.DEFAULT_URL) String url,
        String token,
        String database,
        String environment,
        @DefaultValue("SPOOL") OnUnreachable onUnreachable,
        @DefaultValue(CallbackSettings.DEFAULT_SPOOL) Path spoolDir,
        @DefaultValue("true") boolean snapshot,
        String runUrl) {

    CallbackSettings settings() {
        if (environment == null || environment.isBlank()) {
            throw new IllegalStateException(
                    "ledger.database is set, so the ledger callback needs ledger.environment too (LEDGER_ENVIRONMENT).");
        }
        return new CallbackSettings(
                LedgerConnection.of(url, token, CallbackSettings.TOOL, runUrl),
                database,
                environment,
                onUnreachable,
                spoolDir,
                snapshot);
    }
}
