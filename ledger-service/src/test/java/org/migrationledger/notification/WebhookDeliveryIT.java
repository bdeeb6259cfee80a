package org.migrationledger.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerApplication;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.security.TokenFile;
import org.migrationledger.testsupport.FreshDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A receiver on localhost that fails the first two attempts of every delivery gets each notification (facts with
 * violations, migrations awaiting approval, a refused decision) once the retries go through, every one signed with the subscription's secret, and none is lost when the service is stopped right
 * after the writes and started again on the same database.
 */
class WebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "a-secret-of-the-receiver-0123456789";
    private static final int FAILED_ATTEMPTS = 2;

    @TempDir
    Path work;

    private FreshDatabase database;
    private HttpServer receiver;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        database = FreshDatabase.create("webhooks");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String deliveryId = exchange.getRequestHeaders().getFirst("X-Ledger-Delivery");
            if (!WebhookSignature.of(SECRET, body)
                    .equals(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
                badSignatures.add(deliveryId);
            }
            int attempt = attempts.computeIfAbsent(deliveryId, id -> new AtomicInteger())
                    .incrementAndGet();
            int status = attempt <= FAILED_ATTEMPTS ? 503 : 200;
            if (status == 200) {
                accepted.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        database.close();
    }

    @Test
    void everyNotificationArrivesOnceSignedThroughRetriesAndARestart() throws Exception {
        String tokens = tokenFile();
        String subscriptionId;
        try (ConfigurableApplicationContext first = service(tokens)) {
            int port = port(first);
            send(port, "PUT", "/api/v1/databases/shop", "admin", null);
            JsonNode created = subscribe(port, "FACT_WITH_VIOLATIONS", "AWAITING_APPROVAL", "DECISION_REFUSED");
            subscriptionId = created.at("/subscription/subscriptionId").asText();
            send(
                    port,
                    "POST",
                    "/api/v1/databases/shop/migrations",
                    "alice",
                    ProposalBody.expand("0001_items", "1.0.0", "create table items (id int);")
                            .json());
            send(
                    port,
                    "POST",
                    "/api/v1/databases/shop/environments/ci/applies",
                    "ci",
                    JSON.writeValueAsString(Map.of(
                            "migrationId", "0001_items",
                            "checksum", ProposalBody.checksum("create table items (id int);"),
                            "outcome", "SUCCEEDED")));
        }

        try (ConfigurableApplicationContext second = service(tokens)) {
            int port = port(second);
            send(
                    port,
                    "POST",
                    "/api/v1/databases/shop/migrations",
                    "bob",
                    ProposalBody.expand("0002_tags", "1.1.0", "create table tags (id int);")
                            .json());

            HttpResponse<String> selfApproval =
                    raw(port, "POST", "/api/v1/databases/shop/migrations/0002_tags/approvals", "bob", "{}");
            assertThat(selfApproval.statusCode()).isEqualTo(409);

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(accepted).hasSize(4));
            JsonNode log = send(port, "GET", "/api/v1/admin/webhooks/" + subscriptionId + "/deliveries", "admin", null);

            assertThat(accepted)
                    .extracting(n ->
                            n.get("kind").asText() + " " + n.get("migrationId").asText())
                    .containsExactlyInAnyOrder(
                            "AWAITING_APPROVAL 0001_items",
                            "FACT_WITH_VIOLATIONS 0001_items",
                            "AWAITING_APPROVAL 0002_tags",
                            "DECISION_REFUSED 0002_tags");
            assertThat(accepted).extracting(n -> n.get("deliveryId").asText()).doesNotHaveDuplicates();
            assertThat(badSignatures).isEmpty();
            assertThat(attempts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(FAILED_ATTEMPTS + 1));
            assertThat(log).hasSize(4).allSatisfy(delivery -> {
                assertThat(delivery.get("attempts").asInt()).isEqualTo(FAILED_ATTEMPTS + 1);
                assertThat(delivery.get("deliveredAt").isNull()).isFalse();
                assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
            });
        }
    }

    @Test
    void badSubscriptionsAreRefusedWithTheFieldNamed() throws Exception {
        try (ConfigurableApplicationContext service = service(tokenFile())) {
            int port = port(service);
            HttpResponse<String> noUrl = raw(port, "POST", "/api/v1/admin/webhooks", "admin", "{\"url\":\"ftp://x\"}");
            HttpResponse<String> shortSecret = raw(
                    port,
                    "POST",
                    "/api/v1/admin/webhooks",
                    "admin",
                    "{\"url\":\"http://127.0.0.1:1/h\",\"secret\":\"short\"}");
            HttpResponse<String> badKind = raw(
                    port,
                    "POST",
                    "/api/v1/admin/webhooks",
                    "admin",
                    "{\"url\":\"http://127.0.0.1:1/h\",\"kinds\":[\"EVERYTHING\"]}");
            HttpResponse<String> notAdmin =
                    raw(port, "POST", "/api/v1/admin/webhooks", "dora", "{\"url\":\"http://127.0.0.1:1/h\"}");
            HttpResponse<String> unknown = raw(port, "DELETE", "/api/v1/admin/webhooks/nothing", "admin", null);
            HttpResponse<String> created = raw(
                    port,
                    "POST",
                    "/api/v1/admin/webhooks",
                    "admin",
                    "{\"url\":\"http://127.0.0.1:1/h\",\"format\":\"SLACK\"}");
            String id = JSON.readTree(created.body())
                    .at("/subscription/subscriptionId")
                    .asText();
            HttpResponse<String> listed = raw(port, "GET", "/api/v1/admin/webhooks", "admin", null);
            HttpResponse<String> deleted = raw(port, "DELETE", "/api/v1/admin/webhooks/" + id, "admin", null);
            HttpResponse<String> again = raw(port, "DELETE", "/api/v1/admin/webhooks/" + id, "admin", null);

            assertThat(noUrl.statusCode()).isEqualTo(400);
            assertThat(noUrl.body()).contains("url");
            assertThat(shortSecret.statusCode()).isEqualTo(400);
            assertThat(shortSecret.body()).contains("secret");
            assertThat(badKind.statusCode()).isEqualTo(400);
            assertThat(notAdmin.statusCode()).isEqualTo(403);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("secret").asText()).hasSize(64);
            assertThat(listed.body())
                    .contains(id)
                    .doesNotContain(JSON.readTree(created.body()).get("secret").asText());
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(again.statusCode()).isEqualTo(404);
        }
    }

    /**
     * Drift is judged, not stored as an event, so it is announced by comparing checks: the first check of a database
     * announces nothing, a finding that opens is announced once, and again once when it worsens (here an unproposed
     * migration that failed and then ran; the ledger names it 0009_hotfix). The test drives the checks itself; the scheduled one waits an hour.
     */
    @Test
    void driftThatOpensOrWorsensIsAnnouncedOncePerState() throws Exception {
        try (ConfigurableApplicationContext service =
                service(tokenFile(), "--ledger.webhooks.drift-check-interval=1h")) {
            int port = port(service);
            DriftNotifications notifier = service.getBean(DriftNotifications.class);
            send(port, "PUT", "/api/v1/databases/shop", "admin", null);
            String subscriptionId = subscribe(port, "DRIFT_OPENED", "DRIFT_WORSENED")
                    .at("/subscription/subscriptionId")
                    .asText();
            // The checker walks the fleet read model: the first check must already see the database.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> send(port, "GET", "/api/v1/databases?name=shop", "admin", null)
                            .toString()
                            .contains("\"shop\""));
            notifier.checkAll();

            String checksum = ProposalBody.checksum("alter table items add column note text;");
            send(
                    port,
                    "POST",
                    "/api/v1/databases/shop/environments/local/applies",
                    "ci",
                    JSON.writeValueAsString(Map.of(
                            "migrationId", "V9__hotfix", "checksum", checksum, "outcome", "FAILED", "error", "boom")));
            awaitNotProposed(port, "MEDIUM");
            notifier.checkAll();
            notifier.checkAll();
            send(
                    port,
                    "POST",
                    "/api/v1/databases/shop/environments/local/applies",
                    "ci",
                    JSON.writeValueAsString(
                            Map.of("migrationId", "V9__hotfix", "checksum", checksum, "outcome", "SUCCEEDED")));
            awaitNotProposed(port, "HIGH");
            notifier.checkAll();
            notifier.checkAll();
            // The outbox is written by the checks themselves: checks of unchanged findings add no row.
            String log = "/api/v1/admin/webhooks/" + subscriptionId + "/deliveries";
            JsonNode outbox = send(port, "GET", log, "admin", null);
            notifier.checkAll();
            notifier.checkAll();
            assertThat(send(port, "GET", log, "admin", null)).hasSameSizeAs(outbox);
            assertThat(outbox).extracting(d -> d.get("kind").asText()).contains("DRIFT_OPENED", "DRIFT_WORSENED");

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(notProposed()).hasSize(2));
            assertThat(notProposed())
                    .extracting(n ->
                            n.get("kind").asText() + " " + n.get("migrationId").asText() + " "
                                    + n.get("environment").asText())
                    .containsExactly("DRIFT_OPENED 0009_hotfix local", "DRIFT_WORSENED 0009_hotfix local");
            assertThat(accepted).extracting(n -> n.get("deliveryId").asText()).doesNotHaveDuplicates();
            assertThat(badSignatures).isEmpty();
        }
    }

    private JsonNode subscribe(int port, String... kinds) throws Exception {
        return send(
                port,
                "POST",
                "/api/v1/admin/webhooks",
                "admin",
                JSON.writeValueAsString(Map.of(
                        "url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "secret",
                        SECRET,
                        "kinds",
                        List.of(kinds))));
    }

    private List<JsonNode> notProposed() {
        return accepted.stream()
                .filter(n -> n.get("summary").asText().contains("(NOT_PROPOSED)"))
                .toList();
    }

    private static void awaitNotProposed(int port, String severity) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    JsonNode drift = send(port, "GET", "/api/v1/databases/shop/drift", "admin", null);
                    assertThat(drift.get("findings"))
                            .anySatisfy(f -> assertThat(f.get("kind").asText() + " "
                                            + f.get("severity").asText())
                                    .isEqualTo("NOT_PROPOSED " + severity));
                });
    }

    private ConfigurableApplicationContext service(String tokenFile, String... more) {
        // As arguments: they outrank application.yml, which default properties would not.
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run(Stream.concat(
                                Stream.of(
                                        "--server.port=0",
                                        "--spring.datasource.url=" + database.jdbcUrl(),
                                        "--spring.datasource.username=" + database.user(),
                                        "--spring.datasource.password="
                                                + (database.password() == null ? "" : database.password()),
                                        "--spring.datasource.hikari.minimum-idle=2",
                                        "--ledger.security.token-file=" + tokenFile,
                                        "--ledger.security.development-signing-key-file="
                                                + Path.of("target", "test-signing-key.pem")
                                                        .toAbsolutePath(),
                                        "--ledger.webhooks.send-interval=100ms",
                                        "--ledger.webhooks.first-retry=200ms",
                                        "--ledger.webhooks.timeout=2s"),
                                Stream.of(more))
                        .toArray(String[]::new));
    }

    private String tokenFile() throws IOException {
        Path file = work.resolve("tokens.txt");
        Files.write(
                file,
                LedgerServiceIT.PRINCIPAL_ROLES.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + " "
                                + TokenFile.sha256(LedgerServiceIT.tokenOf(e.getKey())))
                        .toList());
        return file.toString();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static JsonNode send(int port, String method, String path, String principal, String body) throws Exception {
        HttpResponse<String> response = raw(port, method, path, principal, body);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> raw(int port, String method, String path, String principal, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + LedgerServiceIT.tokenOf(principal))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
