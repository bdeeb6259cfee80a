package org.migrationledger.client.spool;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerUnreachableException;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.spool.Spool.FlushResult;
import org.migrationledger.client.spool.Spool.FlushStep;
import org.migrationledger.client.spool.Spool.SpooledWrite;

/**
 * The reports the ledger refused, kept in {@code <spool>/refused/} with its answer. Most were refused for a setting
 * (a wrong token, role, database or environment), so once it is fixed they can be sent again, in their order and
 * with their Idempotency-Key; those refused again stay, with the new answer.
 */
public final class RefusedReports {

    private final Spool spool;

    public RefusedReports(Spool spool) {
        this.spool = spool;
    }

    /** A refused report and why the ledger refused it. */
    public record Refused(Path file, LedgerWrite write, int status, String reason) {}

    /** The refused reports, oldest first. */
    public List<Refused> list() {
        Path directory = spool.directory().resolve(Spool.REFUSED);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(RefusedReports::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends every refused report again, stopping at the first that finds the ledger unreachable. */
    public FlushResult replay(LedgerClient client, Consumer<FlushStep> progress) {
        return spool.locked(() -> replayLocked(client, progress));
    }

    private FlushResult replayLocked(LedgerClient client, Consumer<FlushStep> progress) throws IOException {
        List<Refused> refused = list();
        int sent = 0;
        int refusedAgain = 0;
        for (int index = 0; index < refused.size(); index++) {
            Refused report = refused.get(index);
            LedgerAnswer answer;
            try {
                answer = client.send(report.write());
            } catch (LedgerUnreachableException e) {
                return new FlushResult(sent, refusedAgain, refused.size() - index, e.getMessage());
            }
            Files.delete(report.file());
            if (answer.succeeded()) {
                sent++;
            } else {
                spool.keepRefused(report.write(), answer);
                refusedAgain++;
            }
            progress.accept(new FlushStep(index + 1, refused.size(), report.write(), answer));
        }
        return new FlushResult(sent, refusedAgain, 0, null);
    }

    private static Refused read(Path file) {
        SpooledWrite write = SpooledWrite.read(file);
        try {
            JsonNode kept = LedgerClient.JSON.readTree(file.toFile());
            LedgerAnswer answer = new LedgerAnswer(kept.path("answerStatus").asInt(), kept.path("answer"), -1, false);
            return new Refused(file, write.toWrite(), answer.status(), answer.problemDetail());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read refused report " + file, e);
        }
    }
}
