package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.migrations.Migration;
import org.migrationledger.client.migrations.MigrationDirectory;
import org.migrationledger.client.migrations.ScriptChecksum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "revise",
        mixinStandardHelpOptions = true,
        description = {
            "Sends the edited script of a proposed, not yet applied migration as a new revision (role proposer), with"
                    + " its down script and SHA-256. Approvals were bound to the old script, so it needs them again.",
            "This is what `propose` points to when a migration file changed after it was proposed."
        })
final class ReviseCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "FILE", description = "The edited up migration file.")
    Path file;

    @Option(names = "--reason", required = true, description = "Why the script changed (recorded with the revision).")
    String reason;

    @Option(
            names = "--dialect",
            defaultValue = "postgres",
            description = "The dialect to read (default ${DEFAULT-VALUE}).")
    String dialect;

    @Override
    public Integer call() {
        Migration migration = MigrationDirectory.read(file, dialect)
                .requireMigrations(file, dialect)
                .get(0);
        ObjectNode body = LedgerClient.JSON
                .createObjectNode()
                .put("script", migration.upScript())
                .put("checksum", migration.checksum())
                .put("reason", reason);
        if (migration.downScript() != null) {
            body.put("downScript", migration.downScript());
        }
        String key = "revise-"
                + ScriptChecksum.of(database + "|" + migration.migrationId() + "|" + migration.checksum())
                        .substring(0, 40);
        LedgerAnswer answer = ledger.client()
                .send(new LedgerWrite(
                        "POST",
                        LedgerClient.databasePath(database, "migrations", migration.migrationId(), "revisions"),
                        body,
                        key,
                        "revise " + migration.migrationId()));
        if (!answer.succeeded()) {
            return problem("Revising " + migration.migrationId() + " failed", answer);
        }
        out().println("Revised " + migration.migrationId() + ": checksum "
                + answer.body().path("previousChecksum").asText() + " -> " + migration.checksum() + " ("
                + answer.body().path("change").asText().toLowerCase(java.util.Locale.ROOT)
                + "); it needs its approvals again.");
        return ExitCodes.OK;
    }
}
