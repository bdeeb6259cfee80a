package org.migrationledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operator's token file, holding only SHA-256 hashes of tokens so that the service never stores one in clear.
 * It is re-read when its modification time changes, so tokens can be added or revoked without a restart; a file
 * broken by an edit keeps the last good contents in force and says so in the log.
 */
@Component
public class TokenFile {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);
    private static final long RECHECK_MILLIS = 2_000;

    private final Path path;
    private final Clock clock;
    private volatile Map<String, Caller> callersByHash;
    private volatile FileTime loadedVersion;
    private volatile long lastCheck;

    public TokenFile(SecuritySettings settings, Clock clock) {
        this.path = settings.tokenFile();
        this.clock = clock;
        this.callersByHash = parse(read(path));
        this.loadedVersion = modified(path);
        this.lastCheck = clock.millis();
        LOG.info("Loaded {} principal(s) from token file {}", callersByHash.size(), path);
    }

    /** The principal a bearer token belongs to, if any. */
    public Optional<Caller> authenticate(String token) {
        reloadIfChanged();
        return Optional.ofNullable(callersByHash.get(sha256(token)));
    }

    public static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private void reloadIfChanged() {
        long now = clock.millis();
        if (now - lastCheck < RECHECK_MILLIS) {
            return;
        }
        lastCheck = now;
        try {
            FileTime current = modified(path);
            if (!current.equals(loadedVersion)) {
                callersByHash = parse(read(path));
                loadedVersion = current;
                LOG.info("Reloaded {} principal(s) from token file {}", callersByHash.size(), path);
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "Token file {} could not be reloaded; the previous tokens stay in force: {}", path, e.getMessage());
        }
    }

    static Map<String, Caller> parse(List<String> lines) {
        Map<String, Caller> callers = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            parseLine(line)
                    .ifPresentOrElse(entry -> callers.put(entry.hash(), entry.caller()), problemAt(problems, number));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Token file has malformed lines: " + String.join("; ", problems)
                    + ". Each line is 'principal role[,role…] sha256-hex-of-token'.");
        }
        return Map.copyOf(callers);
    }

    private static Runnable problemAt(List<String> problems, int number) {
        return () -> problems.add("line " + number);
    }

    private static Optional<Entry> parseLine(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 3 || !fields[2].matches("[0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : fields[1].split(",")) {
            Optional<Role> parsed = Role.parse(role);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            roles.add(parsed.get());
        }
        return Optional.of(new Entry(fields[2].toLowerCase(java.util.Locale.ROOT), new Caller(fields[0], roles)));
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read token file " + path, e);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read token file " + path, e);
        }
    }

    /** An authenticated principal and the roles the token file gives it. */
    public record Caller(String principal, Set<Role> roles) {}

    private record Entry(String hash, Caller caller) {}
}
