package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed JVM may leave in a cluster: a {@code postmaster.pid} whose process is gone (or whose number now
 * belongs to another program, which PostgreSQL itself would take for a live server and refuse to start), or, where
 * no parent-death signal could be set, a server still running. Only called while holding the data folder's lock, so
 * any server on this cluster is an orphan, never another live ledger's.
 */
record StaleServer(Path cluster) {

    private static final Logger LOG = LoggerFactory.getLogger(StaleServer.class);

    void clear() {
        Path pidFile = cluster.resolve("postmaster.pid");
        Optional<Long> pid = recordedPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> orphan =
                pid.get() > 0 ? ProcessHandle.of(pid.get()).filter(StaleServer::isPostgres) : Optional.empty();
        if (orphan.isPresent()) {
            LOG.warn("A PostgreSQL (pid {}) left by an earlier run still serves {}: stopping it", pid.get(), cluster);
            ServerProcess.stop(orphan.get());
        } else {
            LOG.info("Removing the stale {} of a server that is gone (pid {})", pidFile, pid.get());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + pidFile, e);
        }
    }

    private static Optional<Long> recordedPid(Path pidFile) {
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive()
                && process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false);
    }
}
