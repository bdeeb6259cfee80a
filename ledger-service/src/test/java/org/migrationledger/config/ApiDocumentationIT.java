package org.migrationledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;

/**
 * The OpenAPI document is complete enough to generate a client from: every operation says what it does, who may call
 * it and which problems it answers; the Swagger UI page is public, the API behind it is not.
 */
class ApiDocumentationIT extends LedgerServiceIT {

    private static final List<String> ROLES = List.of("pipeline", "proposer", "approver", "dba", "auditor", "admin");

    @Test
    void everyOperationHasASummaryADescriptionItsRolesAndItsProblems() {
        JsonNode paths = apiDocs().get("paths");
        List<String> incomplete = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations++;
                String gaps = gaps(method.getValue());
                if (!gaps.isEmpty()) {
                    incomplete.add(method.getKey().toUpperCase() + " " + path.getKey() + ": " + gaps);
                }
            }
        }

        assertThat(operations).isGreaterThanOrEqualTo(26);
        assertThat(incomplete).isEmpty();
    }

    @Test
    void theDocumentNamesTheApiItsBearerSchemeAndTheExportTypes() {
        JsonNode docs = apiDocs();

        assertThat(docs.at("/info/title").asText()).isEqualTo("Migration Ledger API");
        assertThat(docs.at("/info/version").asText()).isEqualTo("v1");
        assertThat(docs.at("/info/description").asText()).contains("Bearer");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(docs.at("/security/0/bearer").isArray()).isTrue();
        JsonNode auditContent = docs.at("/paths/~1api~1v1~1audit~1events/get/responses/200/content");
        assertThat(auditContent.has("application/json")).isTrue();
        assertThat(auditContent.has("application/x-ndjson")).isTrue();
        assertThat(auditContent.has("text/csv")).isTrue();
        JsonNode approvals = docs.at("/paths/~1api~1v1~1databases~1{db}~1migrations~1{id}~1approvals/post");
        assertThat(approvals.get("x-roles")).hasToString("[\"approver\",\"dba\"]");
    }

    @Test
    void theSwaggerUiIsPublicButTheApiBehindItIsNot() {
        Reply page = get("/swagger-ui/index.html", null);
        Reply config = get("/v3/api-docs/swagger-config", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        assertThat(config.status()).isEqualTo(200);
        assertThat(get("/swagger-ui.html", null).status()).isIn(200, 302);
        assertThat(get("/api/v1/databases/any/drift", null).status()).isEqualTo(401);
    }

    private JsonNode apiDocs() {
        Reply reply = get("/v3/api-docs", null);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

    private static String gaps(JsonNode operation) {
        List<String> gaps = new ArrayList<>();
        if (operation.path("summary").asText().isBlank()) {
            gaps.add("no summary");
        }
        if (operation
                .path("description")
                .asText()
                .split("\\*\\*Roles:\\*\\*")[0]
                .isBlank()) {
            gaps.add("no description of its own");
        }
        JsonNode roles = operation.path("x-roles");
        if (roles.isEmpty() || !ROLES.containsAll(names(roles))) {
            gaps.add("no x-roles");
        }
        for (String status : List.of("401", "403")) {
            if (!operation.at("/responses/" + status + "/content").has("application/problem+json")) {
                gaps.add("no " + status + " problem");
            }
        }
        return String.join(", ", gaps);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
