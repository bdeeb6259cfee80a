package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The story of the "done when", told over HTTP against the real service and PostgreSQL: register, propose,
 * self-approval refused, approval by another principal, gate refusing production before staging, applies in order,
 * a policy-breaking apply recorded with its violations, a rollback — then the event table as the auditor sees it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineStoryIT extends LedgerServiceIT {

    private static final String DB = "/api/v1/databases/wishlist";
    private static final String SCRIPT = "alter table wishlist_items add column priority int;";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    @Order(1)
    void registersTheDatabase() {
        Reply reply = put(DB, "admin", json("environments", List.of("local", "ci", "staging", "production")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(put(DB, "admin", json("environments", List.of("local", "ci", "staging", "production")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void proposesAMigrationWithItsChecksumComputed() {
        Reply reply = post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("V7__Add_priority", "1.7.0", SCRIPT).json());

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode body = reply.body();
        assertThat(body.get("migrationId").asText()).isEqualTo("0007_add_priority");
        assertThat(body.get("checksum").asText()).isEqualTo(ProposalBody.checksum(SCRIPT));
        assertThat(body.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(body.get("analysis").get("category").asText()).isEqualTo("expand");
        assertThat(reply.header("Location")).endsWith(DB + "/migrations/0007_add_priority");
    }

    @Test
    @Order(3)
    void refusesSelfApproval() {
        Reply reply = post(DB + "/migrations/0007_add_priority/approvals", "alice", "{}");

        assertThat(reply.status())
                .as("alice proposes but holds no approver role")
                .isEqualTo(403);
        Reply asApprover = post(DB + "/migrations/0007_add_priority/approvals", "bob", "{}");
        assertThat(asApprover.status()).as(asApprover.text()).isEqualTo(201);
        assertThat(asApprover.body().get("fullyApproved").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void refusesSelfApprovalAsAConflictWhenTheProposerMayApprove() {
        post(
                DB + "/migrations",
                "bob",
                ProposalBody.expand("0008_add_notes", "1.8.0", "alter table t add column notes text;")
                        .json());

        Reply reply = post(DB + "/migrations/0008_add_notes/approvals", "bob", "{}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().get("type").asText()).endsWith("self-approval");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @Order(5)
    void appliesInOrderWhileTheGateRefusesProductionBeforeStaging() {
        assertThat(apply("local").get("violations")).isEmpty();
        assertThat(apply("ci").get("violations")).isEmpty();

        Reply gate = post(DB + "/environments/production/gate", "ci", json("migrationId", "0007_add_priority"));

        assertThat(gate.status()).isEqualTo(200);
        assertThat(gate.body().get("allowed").asBoolean()).isFalse();
        assertThat(codes(gate.body().get("reasons"))).containsExactly("PREVIOUS_ENVIRONMENT_SKIPPED");

        assertThat(apply("staging").get("violations")).isEmpty();
        Reply allowed = post(DB + "/environments/production/gate", "ci", json("migrationId", "0007_add_priority"));
        assertThat(allowed.body().get("allowed").asBoolean()).isTrue();
        assertThat(apply("production").get("violations")).isEmpty();
    }

    @Test
    @Order(6)
    void recordsAPolicyBreakingApplyWithItsViolations() {
        Reply reply = post(
                DB + "/environments/production/applies",
                "ci",
                json(
                        "migrationId",
                        "0008_add_notes",
                        "checksum",
                        ProposalBody.checksum("alter table t add column notes text;"),
                        "outcome",
                        "SUCCEEDED",
                        "durationMs",
                        12,
                        "tool",
                        "flyway",
                        "runUrl",
                        "https://ci.example/run/9"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(codes(reply.body().get("violations")))
                .containsExactly("NOT_APPROVED", "PREVIOUS_ENVIRONMENT_SKIPPED");
    }

    @Test
    @Order(7)
    void recordsARollback() {
        Reply reply = post(
                DB + "/environments/production/rollbacks",
                "ci",
                json("migrationId", "0008_add_notes", "reason", "applied by mistake", "method", "FORWARD_FIX"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.body().get("violations")).isEmpty();
    }

    @Test
    @Order(8)
    void theEventTableHoldsEveryFactWithRevisionAndPrincipal() {
        List<Map<String, Object>> rows = jdbc.sql("select payload_type, payload_revision,"
                        + " convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' as principal"
                        + " from domain_event_entry where aggregate_identifier = 'wishlist' order by sequence_number")
                .query()
                .listOfRows();

        assertThat(rows)
                .extracting(row -> simpleName(row.get("payload_type")))
                .containsExactly(
                        "DatabaseRegistered",
                        "MigrationProposed",
                        "MigrationApproved",
                        "MigrationProposed",
                        "MigrationApplied",
                        "MigrationApplied",
                        "MigrationApplied",
                        "MigrationApplied",
                        "MigrationApplied",
                        "MigrationRolledBack");
        assertThat(rows)
                .extracting(row -> row.get("principal"))
                .containsExactly("admin", "alice", "bob", "bob", "ci", "ci", "ci", "ci", "ci", "ci");
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.get("payload_revision")).isNotNull());
        String metadata = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry"
                        + " where aggregate_identifier = 'wishlist' and sequence_number = 8")
                .query(String.class)
                .single();
        assertThat(metadata)
                .contains(
                        "\"sourceTool\":\"flyway\"",
                        "\"sourceRunUrl\":\"https://ci.example/run/9\"",
                        "\"correlationId\"");
    }

    @Test
    @Order(9)
    void theEventTableRefusesUpdateAndDeleteByItsOwnRole() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String owner = jdbc.sql("select tableowner from pg_tables where tablename = 'domain_event_entry'")
                    .query(String.class)
                    .single();
            String role = jdbc.sql("select current_user").query(String.class).single();
            assertThat(role).isEqualTo(owner);

            assertThatThrownBy(() -> connection
                            .createStatement()
                            .executeUpdate("update domain_event_entry set payload_type = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> connection.createStatement().executeUpdate("delete from domain_event_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> connection.createStatement().executeUpdate("truncate domain_event_entry"))
                    .hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = 'wishlist'")
                        .query(Long.class)
                        .single())
                .isEqualTo(10L);
    }

    private JsonNode apply(String environment) {
        Reply reply = post(
                DB + "/environments/" + environment + "/applies",
                "ci",
                json(
                        "migrationId",
                        "0007_add_priority",
                        "checksum",
                        ProposalBody.checksum(SCRIPT),
                        "outcome",
                        "SUCCEEDED",
                        "durationMs",
                        840,
                        "startedAt",
                        "2026-11-21T10:00:00Z"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.body();
    }

    private static String simpleName(Object type) {
        String name = type.toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
