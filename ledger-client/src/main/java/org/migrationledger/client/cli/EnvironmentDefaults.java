package org.migrationledger.client.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Fills options from environment variables, so that a CI job configures the client once, not per command. */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final Map<String, String> VARIABLES = Map.of(
            "--url", "LEDGER_URL",
            "--token", "LEDGER_TOKEN",
            "--run-url", "LEDGER_RUN_URL",
            "--spool-dir", "LEDGER_SPOOL_DIR",
            "--jdbc-url", "FLYWAY_URL",
            "--jdbc-user", "FLYWAY_USER",
            "--jdbc-password", "FLYWAY_PASSWORD");

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
