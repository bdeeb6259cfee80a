package org.migrationledger.client.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.migrationledger.client.migrations.MigrationDirectory;
import org.migrationledger.client.reports.ApplyReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "record-apply",
        mixinStandardHelpOptions = true,
        description = {
            "Reports that a migration was applied to an environment, or failed there (role pipeline).",
            "Facts are always recorded; exit 1 when the ledger recorded policy violations with it."
        })
final class RecordApplyCommand extends FactCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "ENVIRONMENT", description = "Where it ran.")
    String environment;

    @Parameters(index = "2", paramLabel = "MIGRATION", description = "The migration id.")
    String migrationId;

    @ArgGroup(multiplicity = "1")
    Checksum checksum;

    @Option(
            names = "--outcome",
            defaultValue = "SUCCEEDED",
            description = "SUCCEEDED or FAILED (default ${DEFAULT-VALUE}).")
    String outcome;

    @Option(
            names = "--started-at",
            description = "When it started on the database (ISO-8601, e.g. 2025-03-03T14:00:00Z).")
    Instant startedAt;

    @Option(names = "--duration-ms", description = "How long it ran, in milliseconds.")
    Long durationMs;

    @Option(names = "--error", description = "With --outcome FAILED: the error the database reported.")
    String error;

    @Option(
            names = "--tool",
            defaultValue = "ledger-cli",
            description = "The tool that ran it (default ${DEFAULT-VALUE}).")
    String tool;

    @Override
    public Integer call() {
        ApplyReport report = new ApplyReport(
                migrationId, checksum.value(), outcome, startedAt, durationMs, error, null, null, tool, ledger.runUrl);
        return report(report.toWrite(
                database, environment, outcome.toLowerCase() + " " + migrationId + " in " + environment));
    }

    /** The checksum as given, or taken from the script that ran. */
    static final class Checksum {

        @Option(names = "--checksum", description = "SHA-256 (hex) of the script that ran.")
        String given;

        @Option(names = "--file", paramLabel = "PATH", description = "The script that ran; its SHA-256 is sent.")
        Path file;

        String value() {
            if (given != null) {
                return given;
            }
            return MigrationDirectory.read(file, "postgres").migrations().get(0).checksum();
        }
    }
}
