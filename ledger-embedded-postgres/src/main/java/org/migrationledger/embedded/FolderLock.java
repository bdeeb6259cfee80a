package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * The operating system's lock on a data folder's {@code embedded.lock}: one process at a time runs a server there. The
 * kernel releases it when its process dies, however it dies, so a lock is never stale.
 */
record FolderLock(FileChannel channel, FileLock lock) implements AutoCloseable {

    static FolderLock acquire(EmbeddedPostgresSettings settings) {
        try {
            FileChannel channel =
                    FileChannel.open(settings.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another process runs the embedded PostgreSQL in "
                        + settings.dataDirectory() + ": stop it, or choose another data folder");
            }
            return new FolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + settings.lock(), e);
        }
    }

    /** Within one JVM a second lock on the same file is an exception, not a refusal: the same answer either way. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release " + lock, e);
        }
    }
}
