package org.migrationledger.client.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerUnreachableException;
import org.migrationledger.client.http.LedgerWrite;

/**
 * Reports the ledger could not take yet, kept on local disk until a flush delivers them. One JSON file per write,
 * written atomically and named so that listing order is reporting order; a flush sends them in that order with their
 * original {@code Idempotency-Key}, so a write whose answer was lost is not recorded twice. Writes the ledger refuses
 * (4xx) move to {@code refused/} with the answer beside them: they would never succeed, and are kept for a person.
 * A file that cannot be read back as a write (corrupt, or half-written by a process that died before it was renamed
 * into place) moves to {@code corrupt/}, is reported by the flush and never sent or dropped.
 */
public final class Spool {

    public static final String REFUSED = "refused";
    public static final String CORRUPT = "corrupt";
    /** A temporary file older than this is left over from a write that died half-way, not one being written. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);

    private static final String SUFFIX = ".json";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path directory;
    private final Clock clock;

    public Spool(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public Spool(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** Keeps a write for later; returns the file it is kept in. */
    public Path add(LedgerWrite write) {
        try {
            Files.createDirectories(directory);
            String name = String.format(
                    "%020d-%06d-%s%s",
                    clock.millis(), SEQUENCE.incrementAndGet() % 1_000_000, safe(write.idempotencyKey()), SUFFIX);
            Path target = directory.resolve(name);
            Path temporary = directory.resolve("." + name + ".tmp");
            Files.writeString(temporary, LedgerClient.JSON.writeValueAsString(SpooledWrite.of(write)));
            move(temporary, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool a report to " + directory, e);
        }
    }

    /** The writes waiting, oldest first. */
    public List<Path> pending() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isEmpty() {
        return pending().isEmpty();
    }

    /**
     * Sends every waiting write in order, stopping at the first that finds the ledger unreachable (the rest keep their
     * order for the next flush). Only one flush runs per spool at a time; a concurrent one returns at once.
     */
    public FlushResult flush(LedgerClient client, Consumer<FlushStep> progress) {
        return locked(() -> flushLocked(client, progress));
    }

    /** Runs a flush of this spool (its waiting or its refused reports) while no other flush of it runs. */
    FlushResult locked(LockedFlush flush) {
        if (!Files.isDirectory(directory)) {
            return new FlushResult(0, 0, 0, null);
        }
        try (FileChannel lockFile = FileChannel.open(
                        directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                return new FlushResult(0, 0, pending().size(), "another flush of " + directory + " is running");
            }
            return flush.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot flush the spool in " + directory, e);
        }
    }

    interface LockedFlush {
        FlushResult run() throws IOException;
    }

    private FlushResult flushLocked(LedgerClient client, Consumer<FlushStep> progress) throws IOException {
        // Unreadable files are set aside before anything is sent, so that a flush reports them even when the ledger
        // turns out to be unreachable.
        List<Path> corrupt = new ArrayList<>(setAsideAbandoned());
        List<Path> files = new ArrayList<>();
        for (Path file : pending()) {
            if (SpooledWrite.readable(file).isPresent()) {
                files.add(file);
            } else {
                corrupt.add(setAside(file));
            }
        }
        int sent = 0;
        int refused = 0;
        for (int index = 0; index < files.size(); index++) {
            Path file = files.get(index);
            LedgerWrite write = SpooledWrite.read(file).toWrite();
            LedgerAnswer answer;
            try {
                answer = client.send(write);
            } catch (LedgerUnreachableException e) {
                return new FlushResult(sent, refused, files.size() - index, e.getMessage(), corrupt);
            }
            if (answer.succeeded()) {
                Files.delete(file);
                sent++;
            } else {
                refuse(file, answer);
                refused++;
            }
            progress.accept(new FlushStep(index + 1, files.size(), write, answer));
        }
        return new FlushResult(sent, refused, 0, null, corrupt);
    }

    /** The files set aside as unreadable, oldest first. */
    public List<Path> corrupt() {
        Path corruptDirectory = directory.resolve(CORRUPT);
        if (!Files.isDirectory(corruptDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(corruptDirectory)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path setAside(Path file) throws IOException {
        Path corruptDirectory = Files.createDirectories(directory.resolve(CORRUPT));
        Path target = corruptDirectory.resolve(file.getFileName().toString().replaceFirst("^\\.", ""));
        move(file, target);
        return target;
    }

    private List<Path> setAsideAbandoned() throws IOException {
        List<Path> abandoned = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .sorted()
                    .toList()) {
                if (Files.getLastModifiedTime(file)
                        .toInstant()
                        .isBefore(clock.instant().minus(ABANDONED))) {
                    abandoned.add(setAside(file));
                }
            }
        }
        return abandoned;
    }

    private void refuse(Path file, LedgerAnswer answer) throws IOException {
        keepRefused(SpooledWrite.read(file).toWrite(), answer);
        Files.delete(file);
    }

    /** Keeps a write the ledger refused, with its answer, in {@code refused/} for a person to look at. */
    public Path keepRefused(LedgerWrite write, LedgerAnswer answer) {
        try {
            Path refusedDirectory = Files.createDirectories(directory.resolve(REFUSED));
            ObjectNode kept = LedgerClient.JSON.valueToTree(SpooledWrite.of(write));
            kept.put("answerStatus", answer.status());
            kept.set("answer", answer.body().isMissingNode() ? null : answer.body());
            Path target = refusedDirectory.resolve(
                    String.format("%020d-%s%s", clock.millis(), safe(write.idempotencyKey()), SUFFIX));
            Files.writeString(target, LedgerClient.JSON.writeValueAsString(kept));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a refused report in " + directory, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String safe(String key) {
        String cleaned = key.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }

    /** One write sent by a flush and the ledger's answer. */
    public record FlushStep(int done, int total, LedgerWrite write, LedgerAnswer answer) {}

    /**
     * @param sent writes the ledger recorded
     * @param refused writes the ledger refused, moved to {@code refused/}
     * @param remaining writes still waiting because the ledger became unreachable
     * @param unreachable why the flush stopped early; null when it did not
     * @param corrupt files this flush found unreadable and moved to {@code corrupt/}, unsent
     */
    public record FlushResult(int sent, int refused, int remaining, String unreachable, List<Path> corrupt) {

        public FlushResult(int sent, int refused, int remaining, String unreachable) {
            this(sent, refused, remaining, unreachable, List.of());
        }

        public boolean complete() {
            return remaining == 0;
        }
    }

    /** The stored shape of a spooled write. */
    record SpooledWrite(String method, String path, JsonNode body, String idempotencyKey, String summary) {

        static SpooledWrite of(LedgerWrite write) {
            return new SpooledWrite(
                    write.method(), write.path(), write.body(), write.idempotencyKey(), write.summary());
        }

        static SpooledWrite read(Path file) {
            try {
                JsonNode node = LedgerClient.JSON.readTree(file.toFile());
                return new SpooledWrite(
                        node.path("method").asText(),
                        node.path("path").asText(),
                        node.path("body"),
                        node.path("idempotencyKey").asText(),
                        node.path("summary").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read spooled report " + file, e);
            }
        }

        /** The write kept in the file; empty when the file is not a whole spooled write. */
        static Optional<SpooledWrite> readable(Path file) {
            try {
                JsonNode node = LedgerClient.JSON.readTree(file.toFile());
                if (node == null
                        || !node.isObject()
                        || !node.path("method").isTextual()
                        || !node.path("path").isTextual()
                        || !node.path("idempotencyKey").isTextual()
                        || node.path("idempotencyKey").asText().isBlank()
                        || !node.has("body")) {
                    return Optional.empty();
                }
                return Optional.of(read(file));
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
        }

        LedgerWrite toWrite() {
            return new LedgerWrite(method, path, body, idempotencyKey, summary);
        }
    }
}
