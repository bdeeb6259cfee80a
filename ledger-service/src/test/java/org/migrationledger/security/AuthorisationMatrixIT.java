package org.migrationledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.pipeline.Cli;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13: every endpoint of the served OpenAPI document × every role × no token, a bad token and a revoked token
 * gets the documented answer: 401 without a valid token, 403 for a role the endpoint is not open to, and neither for
 * a role it is open to. An endpoint the document lists without a rule below fails the test, so a new endpoint cannot
 * ship without a decision about who may call it. No token the run sends appears in the log, a problem, an event or an
 * export.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthorisationMatrixIT extends LedgerServiceIT {

    private static final Set<String> EVERYONE = Set.of("pipeline", "proposer", "approver", "dba", "auditor", "admin");
    private static final String DB = "/api/v1/databases/{db}";
    private static final String ENV = DB + "/environments/{env}";

    /** Who may call what (PRODUCT.md §6, config/SecurityConfig): "METHOD path" as the OpenAPI document names it. */
    private static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("PUT " + DB, Set.of("admin")),
            Map.entry("POST " + DB + "/migrations", Set.of("proposer")),
            Map.entry("POST " + DB + "/migrations/{id}/revisions", Set.of("proposer")),
            Map.entry("POST " + DB + "/migrations/{id}/approvals", Set.of("approver", "dba")),
            Map.entry("POST " + DB + "/migrations/{id}/rejections", Set.of("approver", "dba")),
            Map.entry("POST " + DB + "/migrations/{id}/withdrawal", Set.of("proposer", "admin")),
            Map.entry("POST " + DB + "/migrations/{id}/supersession", Set.of("proposer", "admin")),
            Map.entry("POST " + DB + "/drift/acknowledgements", Set.of("dba")),
            Map.entry("GET " + DB + "/drift/acknowledgements", EVERYONE),
            Map.entry("DELETE " + DB + "/drift/acknowledgements/{acknowledgementId}", Set.of("dba")),
            Map.entry("POST " + ENV + "/applies", Set.of("pipeline")),
            Map.entry("POST " + ENV + "/rollbacks", Set.of("pipeline")),
            Map.entry("POST " + ENV + "/gate", Set.of("pipeline")),
            Map.entry("POST " + ENV + "/schema-snapshots", Set.of("pipeline")),
            Map.entry("POST " + ENV + "/history-imports", Set.of("pipeline")),
            Map.entry("POST " + ENV + "/history-repairs", Set.of("pipeline")),
            Map.entry("POST " + ENV + "/releases", Set.of("pipeline")),
            Map.entry("GET " + DB + "/migrations/{id}", EVERYONE),
            Map.entry("GET " + DB + "/compatibility", EVERYONE),
            Map.entry("GET " + DB + "/drift", EVERYONE),
            Map.entry("GET " + DB + "/schema-comparison", EVERYONE),
            Map.entry("GET " + ENV + "/versions", EVERYONE),
            Map.entry("GET " + ENV + "/reporting-access", Set.of("pipeline")),
            Map.entry("GET /api/v1/databases", EVERYONE),
            Map.entry("GET /api/v1/position", EVERYONE),
            Map.entry("GET " + DB, EVERYONE),
            Map.entry("GET " + DB + "/grid", EVERYONE),
            Map.entry("GET " + DB + "/migrations/{id}/scripts", EVERYONE),
            Map.entry("GET /api/v1/audit/events", Set.of("auditor", "admin")),
            Map.entry("GET /api/v1/audit/digest", Set.of("auditor", "admin")),
            Map.entry("GET /api/v1/audit/public-key", Set.of("auditor", "admin")),
            Map.entry("POST /api/v1/audit/verify", Set.of("auditor", "admin")));

    /** One principal per role from the test token file. */
    private static final Map<String, String> PRINCIPAL_OF_ROLE = Map.of(
            "pipeline", "ci",
            "proposer", "alice",
            "approver", "carol",
            "dba", "dora",
            "auditor", "audrey",
            "admin", "admin");

    /** The JWT column: the same roles from the test's own identity provider, and its refusals. */
    private static final Map<String, String> JWT_OF_ROLE = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String BASIC_CREDENTIALS = "YXVkcmV5OmNvcnJlY3QtaG9yc2UtYmF0dGVyeQ";
    private static final String QUERY_SECRET = "query-secret-7f3a9c";
    private static final String BODY_SECRET = "body-secret-92be1d";
    private static final String JDBC_SECRET = "jdbc-secret-5d71f0";
    private static final String PASTED_TOKEN = "pasted-raw-token-0c4e8a";
    private static final String EXPIRED_JWT = TestJwts.expired("jo", List.of("admin"));
    private static final String FORGED_JWT = TestJwts.wrongSignature("jo", List.of("admin"));
    private static final String ROLELESS_JWT = TestJwts.valid("jo", null);

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        TestJwts.register(registry);
    }

    private static String jwtOf(String role) {
        return JWT_OF_ROLE.computeIfAbsent(role, named -> TestJwts.valid("jwt-" + named, List.of(named)));
    }

    /** The bound settings name the file the service reads (the test property would write a new one). */
    @Autowired
    private SecuritySettings settings;

    @Test
    void everyEndpointAnswersEveryRoleAndEveryBadTokenAsDocumented(CapturedOutput output) throws Exception {
        List<String> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(20);
        List<String> unruled = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        revokedToken();
        for (String endpoint : endpoints) {
            Set<String> allowed = rule(endpoint, unruled);
            if (allowed == null) {
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            check(
                    wrong,
                    endpoint,
                    "no token",
                    send(method, path, null, body(method)).status(),
                    401);
            check(wrong, endpoint, "bad token", raw(method, path, "Bearer not-a-token"), 401);
            check(wrong, endpoint, "revoked token", raw(method, path, "Bearer " + tokenOf("rex")), 401);
            check(wrong, endpoint, "expired JWT", raw(method, path, "Bearer " + EXPIRED_JWT), 401);
            check(wrong, endpoint, "JWT of an untrusted key", raw(method, path, "Bearer " + FORGED_JWT), 401);
            check(wrong, endpoint, "JWT without a role", raw(method, path, "Bearer " + ROLELESS_JWT), 403);
            PRINCIPAL_OF_ROLE.forEach((role, principal) -> {
                int status = send(method, path, principal, body(method)).status();
                if (allowed.contains(role) ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint + " as " + role + ": " + status);
                }
                int jwtStatus = raw(method, path, "Bearer " + jwtOf(role));
                if (allowed.contains(role) ? jwtStatus == 401 || jwtStatus == 403 : jwtStatus != 403) {
                    wrong.add(endpoint + " as " + role + " by JWT: " + jwtStatus);
                }
            });
        }
        assertThat(unruled)
                .as("endpoints of the OpenAPI document without an authorisation rule")
                .isEmpty();
        assertThat(wrong).as("answers that are not the documented ones").isEmpty();
        assertNoTokenLeaks(output);
    }

    /**
     * Every token and secret this run sent, valid or not, stays out of the log, the problems, the events and the
     * exports: token-file tokens, JWTs (accepted and refused), a Basic header, a token in a query string, a secret in
     * a rejected body, and a raw token an operator pasted into the token file by mistake.
     */
    private void assertNoTokenLeaks(CapturedOutput output) throws Exception {
        List<String> secrets = new ArrayList<>(
                PRINCIPAL_ROLES.keySet().stream().map(LedgerServiceIT::tokenOf).toList());
        secrets.addAll(List.of("not-a-token", tokenOf("rex"), EXPIRED_JWT, FORGED_JWT, ROLELESS_JWT));
        secrets.addAll(JWT_OF_ROLE.values());
        secrets.addAll(List.of(BASIC_CREDENTIALS, QUERY_SECRET, BODY_SECRET, PASTED_TOKEN));
        secrets.addAll(JWT_OF_ROLE.values().stream()
                .map(jwt -> jwt.substring(jwt.lastIndexOf('.') + 1))
                .toList());
        pasteARawTokenIntoTheTokenFile(output);
        List<Cli.Result> cliFailures = cliFailures();
        secrets.addAll(List.of(tokenOf("mallory"), JDBC_SECRET));
        List<Reply> problems = List.of(
                get("/api/v1/audit/digest", null, "Authorization", "Bearer not-a-token"),
                get("/api/v1/audit/digest", null, "Authorization", "Bearer " + EXPIRED_JWT),
                get("/api/v1/audit/digest", null, "Authorization", "Bearer " + FORGED_JWT),
                get("/api/v1/databases", null, "Authorization", "Bearer " + ROLELESS_JWT),
                get("/api/v1/audit/digest", null, "Authorization", "Basic " + BASIC_CREDENTIALS),
                get("/api/v1/audit/digest?access_token=" + QUERY_SECRET, null),
                post("/api/v1/databases/matrix/migrations", "alice", json("connectionPassword", BODY_SECRET)),
                send("PUT", "/api/v1/databases/matrix", null, null, "Authorization", "Bearer " + jwtOf("proposer")));
        assertThat(problems).extracting(Reply::status).containsExactly(401, 401, 401, 403, 401, 401, 400, 403);
        List<Reply> records = List.of(
                get("/api/v1/audit/events", "audrey"),
                get("/api/v1/audit/events", "audrey", "Accept", "application/x-ndjson"),
                get("/api/v1/audit/events", "audrey", "Accept", "text/csv"));
        assertThat(records).extracting(Reply::status).containsOnly(200);
        assertThat(output.getAll()).as("the capture holds the run's log").contains("Reloaded");
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
            problems.forEach(
                    problem -> assertThat(problem.text()).as("a problem").doesNotContain(secret));
            records.forEach(
                    record -> assertThat(record.text()).as("events/export").doesNotContain(secret));
        }
        assertThat(output.getAll()).doesNotContainIgnoringCase("Bearer ").doesNotContainIgnoringCase("Basic ");
        records.forEach(record -> assertThat(record.text())
                .doesNotContainIgnoringCase("Bearer ")
                .doesNotContainIgnoringCase("authorization"));
    }

    /** The pipeline client refused by the service, and failing to reach a database whose URL holds a password. */
    private List<Cli.Result> cliFailures() throws Exception {
        Cli cli = new Cli("http://localhost:" + port);
        Cli.Result refused = cli.run("mallory", "status");
        Cli.Result unreachable = cli.run(
                "ci",
                "snapshot",
                "matrix",
                "ci",
                "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/none?password=" + JDBC_SECRET,
                "--jdbc-user",
                "nobody",
                "--spool-dir",
                Files.createTempDirectory("spool").toString());
        assertThat(refused.exit()).as(refused.toString()).isNotZero();
        assertThat(unreachable.exit()).as(unreachable.toString()).isNotZero();
        assertThat(refused.err() + unreachable.err())
                .as("each failure is explained")
                .isNotBlank();
        return List.of(refused, unreachable);
    }

    /** The operator's mistake: a token in clear where its hash belongs. The log names the line, not its contents. */
    private void pasteARawTokenIntoTheTokenFile(CapturedOutput output) throws Exception {
        Path tokenFile = settings.tokenFile();
        List<String> original = Files.readAllLines(tokenFile);
        int reloadsBefore = occurrences(output.getAll(), "Reloaded");
        Files.writeString(tokenFile, "eve auditor " + PASTED_TOKEN + "\n", StandardOpenOption.APPEND);
        // The file is re-read when a token is next checked.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/audit/public-key", "audrey").status() == 200
                        && output.getAll().contains("could not be reloaded"));
        Files.write(tokenFile, original);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/audit/public-key", "audrey").status() == 200
                        && occurrences(output.getAll(), "Reloaded") > reloadsBefore);
    }

    private static int occurrences(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    private Set<String> rule(String endpoint, List<String> unruled) {
        if (endpoint.contains(" /api/v1/admin/")) {
            return Set.of("admin");
        }
        Set<String> allowed = RULES.get(endpoint);
        if (allowed == null) {
            unruled.add(endpoint);
        }
        return allowed;
    }

    private static void check(List<String> wrong, String endpoint, String who, int status, int expected) {
        if (status != expected) {
            wrong.add(endpoint + " with " + who + ": " + status + " instead of " + expected);
        }
    }

    /** A principal whose line is removed from the token file: the service re-reads it and refuses the token. */
    private void revokedToken() throws Exception {
        String line = "rex auditor " + TokenFile.sha256(tokenOf("rex"));
        Path tokenFile = settings.tokenFile();
        List<String> original = Files.readAllLines(tokenFile);
        Files.writeString(tokenFile, line + "\n", StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/audit/public-key", "rex").status() == 200);
        Files.write(tokenFile, original);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/audit/public-key", "rex").status() == 401);
    }

    private List<String> endpoints() {
        JsonNode paths = get("/v3/api-docs", null).body().get("paths");
        List<String> endpoints = new ArrayList<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        endpoints.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return endpoints;
    }

    private static String concrete(String template) {
        return template.replace("{db}", "matrix")
                .replace("{env}", "ci")
                .replace("{id}", "0001_matrix")
                .replaceAll("\\{[^}]+}", "x");
    }

    private static String body(String method) {
        return method.equals("POST") || method.equals("PUT") ? "{}" : null;
    }

    private int raw(String method, String path, String authorization) {
        return send(method, path, null, body(method), "Authorization", authorization)
                .status();
    }
}
