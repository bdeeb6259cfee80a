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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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
            PRINCIPAL_OF_ROLE.forEach((role, principal) -> {
                int status = send(method, path, principal, body(method)).status();
                if (allowed.contains(role) ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint + " as " + role + ": " + status);
                }
            });
        }
        assertThat(unruled)
                .as("endpoints of the OpenAPI document without an authorisation rule")
                .isEmpty();
        assertThat(wrong).as("answers that are not the documented ones").isEmpty();
        assertNoTokenLeaks(output);
    }

    /** Every token this run sent, valid or not, stays out of the log, the problems, the events and the exports. */
    private void assertNoTokenLeaks(CapturedOutput output) {
        List<String> tokens = new ArrayList<>(
                PRINCIPAL_ROLES.keySet().stream().map(LedgerServiceIT::tokenOf).toList());
        tokens.addAll(List.of("not-a-token", tokenOf("rex")));
        assertThat(output.getAll()).as("the capture holds the run's log").contains("Reloaded");
        Reply problem = get("/api/v1/audit/digest", null, "Authorization", "Bearer not-a-token");
        Reply export = get("/api/v1/audit/events", "audrey", "Accept", "application/x-ndjson");
        Reply csv = get("/api/v1/audit/events", "audrey", "Accept", "text/csv");
        for (String token : tokens) {
            assertThat(output.getAll()).doesNotContain(token);
            assertThat(problem.text()).doesNotContain(token);
            assertThat(export.text()).doesNotContain(token);
            assertThat(csv.text()).doesNotContain(token);
        }
        assertThat(output.getAll()).doesNotContainIgnoringCase("Bearer ");
        assertThat(export.text()).doesNotContainIgnoringCase("Bearer ").doesNotContain("authorization");
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
