package org.migrationledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.testsupport.FreshDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two service nodes as separate processes (the packaged jar) on one PostgreSQL; the one that holds every segment is
 * killed with SIGKILL, so it releases nothing: the other node must claim its segments once their claims time out,
 * and every event, written before and after the kill, must be projected exactly once. TwoNodesIT covers the rest of
 * two nodes in one JVM, where a node can only be stopped, not killed.
 */
class NodeKilledIT {

    private static final Path JAR = Path.of("target", "ledger-service.jar");
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private final List<Process> nodes = new ArrayList<>();
    private FreshDatabase database;

    @AfterEach
    void stop() {
        nodes.forEach(Process::destroyForcibly);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKilledNodesSegmentsAreTakenOverAndNoEventIsProjectedTwiceOrSkipped() throws Exception {
        assertThat(JAR)
                .as("the packaged service (mvn package runs before the ITs)")
                .exists();
        database = FreshDatabase.create("node_killed");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                database.jdbcUrl(), database.user(), database.password() == null ? "" : database.password()));
        String tokens = LedgerServiceIT.writeTokenFile();

        int first = start("node-a", tokens);
        write(first, "shop", 0, 10);
        await().atMost(TAKEOVER_BOUND)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> projected(jdbc) == events(jdbc));
        int second = start("node-b", tokens);

        Process killed = nodes.get(0);
        long killedAt = System.nanoTime();
        killed.destroyForcibly();
        killed.waitFor();
        write(second, "shop", 10, 10);
        write(second, "billing", 0, 5);
        await().atMost(TAKEOVER_BOUND)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> projected(jdbc) == events(jdbc));
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;

        long rows = jdbc.sql("select count(*) from audit_event where generation = 1")
                .query(Long.class)
                .single();
        assertThat(rows).as("each event projected once").isEqualTo(events(jdbc));
        System.out.printf(
                "RELIABILITY node killed: %d events, %d audit rows, every event projected %d ms after the SIGKILL%n",
                events(jdbc), rows, takeoverMillis);
    }

    private int start(String name, String tokens) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-Daxon.node-name=" + name,
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "--spring.datasource.hikari.minimum-idle=2",
                        "--ledger.security.token-file=" + tokens,
                        "--ledger.security.development-signing-key-file=" + LedgerServiceIT.signingKeyFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        nodes.add(process);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as(name + " died: " + tail(log))
                            .isTrue();
                    return status(port, "GET", "/actuator/health/readiness", null, null) == 200;
                });
        return port;
    }

    private static void write(int port, String db, int from, int count) throws Exception {
        assertThat(status(port, "PUT", "/api/v1/databases/" + db, "admin", null))
                .isIn(200, 201);
        for (int i = from; i < from + count; i++) {
            String id = "%04d_step".formatted(i + 1);
            String body = ProposalBody.expand(id, "1.%d.0".formatted(i), "create table t%d (id int);".formatted(i))
                    .json();
            assertThat(status(port, "POST", "/api/v1/databases/" + db + "/migrations", "alice", body))
                    .as("proposal " + id + " on " + db)
                    .isEqualTo(201);
        }
    }

    private static int status(int port, String method, String path, String principal, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (principal != null) {
            request.header("Authorization", "Bearer " + LedgerServiceIT.tokenOf(principal));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notYetListening) {
            return -1;
        }
    }

    private static long events(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from domain_event_entry")
                .query(Long.class)
                .single();
    }

    private static long projected(JdbcClient jdbc) {
        return jdbc.sql("select count(distinct event_id) from audit_event")
                .query(Long.class)
                .single();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
