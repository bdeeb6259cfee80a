package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.migrations.Migration;
import org.migrationledger.client.migrations.MigrationDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Approves migrations (role approver or dba). The approval is bound to the checksum the ledger holds,"
                    + " or to --checksum when given.",
            "Migrations that already have this approver's approval, or every approval they need, are skipped."
        })
final class ApproveCommand extends LedgerCommand {

    private static final Set<String> ALREADY = Set.of("already-approved", "duplicate-approval");

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1..*", paramLabel = "MIGRATION", description = "Migration ids (NNNN_name or V<ver>__<desc>).")
    List<String> migrationIds = new ArrayList<>();

    @Option(
            names = "--dir",
            paramLabel = "PATH",
            description = "Approve every migration of this directory (read as 'propose' reads it).")
    Path directory;

    @Option(names = "--dialect", defaultValue = "postgres", description = "With --dir: the dialect to read.")
    String dialect;

    @Option(names = "--role", description = "approver or dba (default: the role the principal holds).")
    String role;

    @Option(names = "--comment", description = "The approver's comment.")
    String comment;

    @Option(names = "--checksum", description = "Approve only if the ledger's script has this SHA-256.")
    String checksum;

    @Override
    public Integer call() {
        List<String> ids = new ArrayList<>(migrationIds);
        if (directory != null) {
            MigrationDirectory.read(directory, dialect).requireMigrations(directory, dialect).stream()
                    .map(Migration::migrationId)
                    .forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Name the migrations to approve, or pass --dir.");
        }
        LedgerClient client = ledger.client();
        ProgressBar progress = progress("Approving", ids.size());
        int exit = ExitCodes.OK;
        int approved = 0;
        int skipped = 0;
        for (int index = 0; index < ids.size(); index++) {
            String id = ids.get(index);
            LedgerAnswer answer = client.send(new LedgerWrite(
                    "POST",
                    LedgerClient.databasePath(database, "migrations", id, "approvals"),
                    body(),
                    UUID.randomUUID().toString(),
                    "approve " + id));
            if (answer.succeeded()) {
                approved++;
                if (!quiet) {
                    out().println("Approved " + id
                            + (answer.body().path("fullyApproved").asBoolean()
                                    ? " (fully approved)"
                                    : " ("
                                            + answer.body()
                                                    .path("approvalsRequired")
                                                    .asInt() + " approvals required)"));
                }
            } else if (answer.status() == 409 && ALREADY.contains(answer.problemType())) {
                skipped++;
            } else {
                exit = ExitCodes.worst(exit, problem("Approving " + id + " failed", answer));
            }
            progress.step(index + 1, id);
        }
        out().println("Approved " + approved + ", already approved " + skipped + " (of " + ids.size() + ").");
        return exit;
    }

    private ObjectNode body() {
        ObjectNode body = LedgerClient.JSON.createObjectNode();
        if (role != null) {
            body.put("role", role);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        if (checksum != null) {
            body.put("checksum", checksum);
        }
        return body;
    }
}
