package org.migrationledger.client.cli;

import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerConnection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the ledger is and who we are to it; every option also reads an environment variable. */
final class LedgerOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            description = "The ledger's base URL (env LEDGER_URL; default ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--token",
            description = "Bearer token of the principal to act as (env LEDGER_TOKEN). Prefer the variable: flags"
                    + " show up in process lists.")
    String token;

    @Option(
            names = "--run-url",
            description = "The pipeline run to record as the source of each write (env LEDGER_RUN_URL).")
    String runUrl;

    @Option(
            names = "--attempts",
            defaultValue = "3",
            description = "Tries per request while the ledger is unreachable (default ${DEFAULT-VALUE}).")
    int attempts;

    LedgerClient client() {
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "No ledger token: set LEDGER_TOKEN or pass --token.");
        }
        LedgerConnection connection =
                LedgerConnection.of(url, token, "ledger-cli", runUrl).withAttempts(attempts);
        return new LedgerClient(connection);
    }
}
