package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whom PostgreSQL's {@code initdb} and server run as. They refuse to run as root, and build machines and CI
 * containers often are root; then the server runs either in a user namespace of its own ({@code unshare -U}: no
 * account needed, files stay the JVM's) or, where namespaces are forbidden (Docker's default seccomp profile), as an
 * unprivileged system account created on first use. Where {@code setpriv} exists every process gets a parent-death
 * signal, so a server never outlives a killed JVM.
 */
public record ServerAccount(Kind kind, String systemUser) {

    /** How the server's processes are started. */
    public enum Kind {
        /** The JVM's own account: it is not root. */
        CURRENT,
        /** A user namespace in which the JVM's root appears as an unprivileged user. */
        USER_NAMESPACE,
        /** An unprivileged system account. */
        SYSTEM_USER
    }

    /** The account created for {@link Kind#SYSTEM_USER} when it is missing. */
    public static final String DEFAULT_SYSTEM_USER = "ledger-postgres";

    private static final Logger LOG = LoggerFactory.getLogger(ServerAccount.class);

    /**
     * The JVM's account when it is not root; as root the {@code requested} kind, or when none is, a user namespace
     * where the kernel allows one, else {@code systemUser}.
     */
    public static ServerAccount choose(Kind requested, String systemUser) {
        if (!OsCommands.runningAsRoot()) {
            return new ServerAccount(Kind.CURRENT, null);
        }
        if (requested == Kind.CURRENT) {
            throw new IllegalArgumentException(
                    "PostgreSQL refuses to run as root: choose " + Kind.USER_NAMESPACE + " or " + Kind.SYSTEM_USER);
        }
        if (requested != null) {
            return new ServerAccount(requested, requested == Kind.SYSTEM_USER ? systemUser : null);
        }
        if (OsCommands.succeeds("unshare", "-U", "true")) {
            return new ServerAccount(Kind.USER_NAMESPACE, null);
        }
        return new ServerAccount(Kind.SYSTEM_USER, systemUser);
    }

    /** The command line that runs {@code command} as this account, stopped by SIGINT when its parent dies. */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (kind == Kind.USER_NAMESPACE) {
            wrapped.addAll(List.of("unshare", "-U"));
        }
        if (OsCommands.setprivAvailable()) {
            wrapped.add("setpriv");
            if (kind == Kind.SYSTEM_USER) {
                wrapped.addAll(List.of("--reuid=" + systemUser, "--regid=" + primaryGroup(), "--clear-groups"));
            }
            wrapped.addAll(List.of("--pdeathsig", "INT", "--"));
        } else if (kind == Kind.SYSTEM_USER) {
            wrapped.addAll(List.of("runuser", "-u", systemUser, "--"));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes {@code directory} (created if missing) the account's own; a system account is created if missing. */
    public void own(Path directory) {
        try {
            Files.createDirectories(directory);
            if (kind != Kind.SYSTEM_USER) {
                return;
            }
            if (!OsCommands.succeeds("id", "-u", systemUser)) {
                LOG.warn("Creating the unprivileged system account '{}' to run the embedded PostgreSQL", systemUser);
                OsCommands.run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", systemUser);
            }
            OsCommands.run("chown", "-R", systemUser + ":" + primaryGroup(), directory.toString());
            if (!OsCommands.succeeds(wrap(List.of("test", "-w", directory.toString())))) {
                throw new IllegalStateException("The embedded PostgreSQL runs as '" + systemUser + "', which cannot"
                        + " reach " + directory + " (a parent folder is closed to other users, e.g. /root):"
                        + " choose a data folder outside it, or run as a user other than root");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + directory, e);
        }
    }

    public String describe() {
        return switch (kind) {
            case CURRENT -> "this process's user";
            case USER_NAMESPACE -> "an unprivileged user in a user namespace (the JVM runs as root)";
            case SYSTEM_USER -> "system user '" + systemUser + "' (the JVM runs as root)";
        };
    }

    private String primaryGroup() {
        return OsCommands.output("id", "-g", systemUser).strip();
    }
}
