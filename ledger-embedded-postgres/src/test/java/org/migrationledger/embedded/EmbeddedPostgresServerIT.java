package org.migrationledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server from the zonky binaries: its data survives a restart, what a killed JVM leaves behind does not
 * block the next start, and as root (our CI) it runs unprivileged in each of the two ways it knows.
 */
class EmbeddedPostgresServerIT {

    @TempDir
    Path data;

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.durable(data, 0);
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings)) {
            first.createDatabaseIfMissing("ledger");
            first.createDatabaseIfMissing("ledger");
            execute(first, "create table facts (fact text); insert into facts values ('recorded before the restart')");
            assertThat(first.version()).matches("17\\.\\d+");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(settings)) {
            assertThat(facts(second)).containsExactly("recorded before the restart");
        }
        assertThat(data.resolve("postgresql/PG_VERSION")).hasContent("17");
    }

    @Test
    void closeStopsTheServer() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(EmbeddedPostgresSettings.forTests(data));
        ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();

        server.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(server.isRunning()).isFalse();
        assertThat(data.resolve("postgresql/postmaster.pid")).doesNotExist();
    }

    @Test
    void aPidFileNamingAnotherLiveProcessDoesNotBlockTheStart() throws Exception {
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.forTests(data);
        EmbeddedPostgresServer.start(settings).close();
        // This JVM is alive and is not a PostgreSQL: PostgreSQL alone would take it for a running server and refuse.
        Files.writeString(
                data.resolve("postgresql/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + data + "\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings)) {
            execute(server, "select 1");
        }
    }

    @Test
    void aServerAKilledJvmLeftRunningIsStoppedAtTheNextStart() throws Exception {
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.forTests(data);
        EmbeddedPostgresServer orphan = EmbeddedPostgresServer.start(settings);
        execute(orphan, "create table facts (fact text); insert into facts values ('kept')");
        ProcessHandle orphanProcess = ProcessHandle.of(orphan.pid()).orElseThrow();
        orphan.abandon();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(settings)) {
            assertThat(orphanProcess.isAlive()).isFalse();
            assertThat(facts(next)).containsExactly("kept");
        }
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefused() {
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.forTests(data);
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(settings)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings))
                    .hasMessageContaining("Another process runs the embedded PostgreSQL in " + data);
        }
    }

    @Test
    void asRootTheServerRunsInAUserNamespace() throws Exception {
        try (EmbeddedPostgresServer server = startAsRoot(ServerAccount.Kind.USER_NAMESPACE)) {
            String serverNamespace = Files.readSymbolicLink(Path.of("/proc/" + server.pid() + "/ns/user"))
                    .toString();
            assertThat(serverNamespace)
                    .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/user"))
                            .toString());
            execute(server, "create table t (id int)");
        }
    }

    @Test
    void asRootTheServerRunsAsAnUnprivilegedSystemUser() throws Exception {
        try (EmbeddedPostgresServer server = startAsRoot(ServerAccount.Kind.SYSTEM_USER)) {
            String uid = OsCommands.output("id", "-u", ServerAccount.DEFAULT_SYSTEM_USER);
            assertThat(uid).isNotEqualTo("0");
            assertThat(Files.readAllLines(Path.of("/proc/" + server.pid() + "/status")))
                    .filteredOn(line -> line.startsWith("Uid:"))
                    .singleElement()
                    .satisfies(line -> assertThat(line.split("\\s+")[1]).isEqualTo(uid));
            execute(server, "create table t (id int)");
        }
    }

    /** Our CI runs as root, so there these run; a developer's non-root JVM needs neither way. */
    private EmbeddedPostgresServer startAsRoot(ServerAccount.Kind account) {
        assumeThat(OsCommands.runningAsRoot())
                .as("only a root JVM needs the workaround")
                .isTrue();
        return EmbeddedPostgresServer.start(
                EmbeddedPostgresSettings.forTests(data).asRoot(account));
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> facts(EmbeddedPostgresServer server) throws SQLException {
        try (Connection connection = server.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select fact from facts")) {
            List<String> facts = new java.util.ArrayList<>();
            while (rows.next()) {
                facts.add(rows.getString(1));
            }
            return facts;
        }
    }
}
