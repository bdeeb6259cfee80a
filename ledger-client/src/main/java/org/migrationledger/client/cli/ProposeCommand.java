package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.migrations.Migration;
import org.migrationledger.client.migrations.MigrationDirectory;
import org.migrationledger.client.migrations.ScriptChecksum;
import org.migrationledger.client.migrations.VersionScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "propose",
        mixinStandardHelpOptions = true,
        description = {
            "Proposes a migration file, or every migration of a directory, with up and down scripts and their"
                    + " SHA-256 (role proposer).",
            "Reads Flyway (V<ver>__<desc>.sql with U<ver>__<desc>.sql undo), up/down pairs"
                    + " (<ver>_<name>[.<dialect>].up.sql / .down.sql, as kratos) and Drizzle (<ver>_<name>.sql) names.",
            "Migrations already proposed with the same script are skipped, so a pipeline can run this on every build."
        })
final class ProposeCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "PATH", description = "A migrations directory, or one up file.")
    Path path;

    @Option(
            names = "--dialect",
            defaultValue = "postgres",
            description = "Keep files of this dialect when names carry one, e.g. .postgres.up.sql (default"
                    + " ${DEFAULT-VALUE}).")
    String dialect;

    @Option(
            names = "--version-scheme",
            defaultValue = "AUTO",
            description = "How each migration's semantic version is derived: ${COMPLETION-CANDIDATES} (default"
                    + " ${DEFAULT-VALUE}: FLYWAY when file versions have at most three short parts, else SEQUENCE).")
    VersionScheme versionScheme;

    @Option(
            names = "--start-version",
            defaultValue = "1.0.0",
            description = "SEQUENCE: the first migration's version; each next one is the next minor (default"
                    + " ${DEFAULT-VALUE}).")
    String startVersion;

    @Option(names = "--schema-version", description = "The version of a single proposed file, overriding the scheme.")
    String version;

    @Option(
            names = "--impact",
            defaultValue = "LOW",
            description = "Risk impact: LOW, MEDIUM or HIGH (default ${DEFAULT-VALUE}; the ledger's analysis still"
                    + " finds breaking changes).")
    String impact;

    @Option(
            names = "--rollback-plan",
            description = "The rollback plan (default: run the down script, or a forward fix when there is none).")
    String rollbackPlan;

    @Option(names = "--testing-evidence", description = "Where and how the migrations were tested.")
    String testingEvidence;

    @Option(names = "--author", description = "Who wrote the migrations (default: the proposing principal).")
    String author;

    @Option(names = "--dry-run", description = "Read and print what would be proposed; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        MigrationDirectory directory = MigrationDirectory.read(path, dialect);
        List<Migration> migrations = versionScheme.assign(directory.requireMigrations(path, dialect), startVersion);
        if (version != null) {
            if (migrations.size() != 1) {
                throw new IllegalArgumentException("--schema-version is for a single file; " + path + " holds "
                        + migrations.size() + " migrations.");
            }
            migrations = List.of(migrations.get(0).withVersion(version));
        }
        directory.skipped().stream()
                .filter(file -> file.getFileName().toString().endsWith(".sql"))
                .forEach(file -> err().println("Skipped " + file.getFileName()
                        + ": not a versioned up migration of dialect " + dialect));
        if (dryRun) {
            migrations.forEach(m -> out().println(m.migrationId() + "\t" + m.version() + "\t" + m.checksum() + "\t"
                    + (m.downFile() == null ? "-" : m.downFile().getFileName())));
            return ExitCodes.OK;
        }
        return proposeAll(ledger.client(), migrations);
    }

    private int proposeAll(LedgerClient client, List<Migration> migrations) {
        ProgressBar progress = progress("Proposing", migrations.size());
        Tally tally = new Tally();
        for (int index = 0; index < migrations.size(); index++) {
            Migration migration = migrations.get(index);
            tally.add(propose(client, migration));
            progress.step(index + 1, migration.migrationId());
        }
        out().println("Proposed " + tally.done + ", already proposed " + tally.skipped + ", refused " + tally.refused
                + ", invalid " + tally.invalid + " (of " + migrations.size() + ").");
        return tally.exitCode;
    }

    private int propose(LedgerClient client, Migration migration) {
        String summary = "propose " + migration.migrationId();
        LedgerWrite write = new LedgerWrite(
                "POST",
                LedgerClient.databasePath(database, "migrations"),
                body(migration),
                "propose-"
                        + ScriptChecksum.of(database + "|" + migration.migrationId() + "|" + migration.version() + "|"
                                        + migration.checksum())
                                .substring(0, 40),
                summary);
        LedgerAnswer answer = client.send(write);
        if (answer.succeeded() && answer.replayed()) {
            return -1;
        }
        if (answer.succeeded()) {
            if (!quiet) {
                out().println("Proposed " + migration.migrationId() + " " + migration.version()
                        + describeAnalysis(answer));
            }
            return ExitCodes.OK;
        }
        if (answer.status() == 409
                && answer.problemType().equals("migration-id-collision")
                && sameScriptProposed(client, migration)) {
            return -1;
        }
        return problem("Proposing " + migration.migrationId() + " failed", answer);
    }

    private boolean sameScriptProposed(LedgerClient client, Migration migration) {
        LedgerAnswer existing = client.get(LedgerClient.databasePath(database, "migrations", migration.migrationId()));
        return existing.succeeded()
                && migration
                        .checksum()
                        .equalsIgnoreCase(existing.body().path("checksum").asText());
    }

    private ObjectNode body(Migration migration) {
        ObjectNode body = LedgerClient.JSON
                .createObjectNode()
                .put("migrationId", migration.migrationId())
                .put("version", migration.version())
                .put("description", migration.description())
                .put("script", migration.upScript());
        if (migration.downScript() != null) {
            body.put("downScript", migration.downScript());
        }
        if (author != null) {
            body.put("author", author);
        }
        ObjectNode risk = body.putObject("risk").put("impact", impact).put("rollbackPlan", plan(migration));
        if (testingEvidence != null) {
            risk.put("testingEvidence", testingEvidence);
        }
        return body;
    }

    private String plan(Migration migration) {
        if (rollbackPlan != null) {
            return rollbackPlan;
        }
        return migration.downFile() != null && migration.downScript() != null
                ? "Run the down script " + migration.downFile().getFileName() + "."
                : "No down script: roll forward with a fix, or restore from backup.";
    }

    private static String describeAnalysis(LedgerAnswer answer) {
        var analysis = answer.body().path("analysis");
        if (analysis.isMissingNode() || analysis.isNull()) {
            return "";
        }
        return " (" + (analysis.path("breaking").asBoolean() ? "breaking" : "non-breaking") + ", "
                + analysis.path("category").asText("?") + ", lock "
                + analysis.path("lockRisk").path("level").asText("none") + ")";
    }

    /** Counts outcomes; -1 stands for "already proposed with the same script". */
    private static final class Tally {
        int done;
        int skipped;
        int refused;
        int invalid;
        int exitCode = ExitCodes.OK;

        void add(int outcome) {
            switch (outcome) {
                case -1 -> skipped++;
                case ExitCodes.OK -> done++;
                case ExitCodes.REFUSED -> refused++;
                default -> invalid++;
            }
            exitCode = ExitCodes.worst(exitCode, Math.max(outcome, ExitCodes.OK));
        }
    }
}
