package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccessAndIdempotencyIT extends LedgerServiceIT {

    private static final String DB = "/api/v1/databases/billing";
    private static final String SCRIPT = "create table invoices (id bigint primary key);";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void register() {
        put(DB, "admin", null);
    }

    @Test
    void aRequestWithoutTokenIsA401() {
        Reply reply = put(DB, null, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.body().get("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void anUnknownTokenIsA401() {
        Reply reply = send("PUT", DB, null, null, "Authorization", "Bearer not-a-token");

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void rolesAreEnforcedPerEndpoint() {
        assertThat(put(DB, "ci", null).status()).isEqualTo(403);
        assertThat(post(
                                DB + "/migrations",
                                "ci",
                                ProposalBody.expand("0001_a", "1.0.0", SCRIPT).json())
                        .status())
                .isEqualTo(403);
        assertThat(post(DB + "/environments/local/gate", "alice", json("migrationId", "0001_a"))
                        .status())
                .isEqualTo(403);
        Reply forbidden = post(DB + "/migrations/0001_a/approvals", "ci", "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("type").asText()).endsWith("/forbidden");
        assertThat(forbidden.body().get("detail").asText())
                .isEqualTo("ci does not hold the role this endpoint needs: approver or dba.");
        assertThat(forbidden.body().get("requiredRoles")).hasToString("[\"approver\",\"dba\"]");
    }

    @Test
    void anUnknownPathWithAValidTokenIsA404AndWithoutOneA401() {
        // "/" is the dashboard now (open, it holds no data); any other unknown path is a 404 with a token.
        Reply root = get("/nothing-here", "ci");
        Reply unknown = get("/api/v1/nothing-here", "alice");

        assertThat(root.status()).isEqualTo(404);
        assertThat(root.body().get("type").asText()).endsWith("/not-found");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(get("/nothing-here", null).status()).isEqualTo(401);
    }

    @Test
    void aPipelineChecksItsSettingsBeforeItReports() {
        Reply allowed = get(DB + "/environments/staging/reporting-access", "ci");

        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
        assertThat(allowed.body().get("principal").asText()).isEqualTo("ci");
        Reply wrongRole = get(DB + "/environments/staging/reporting-access", "alice");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.body().get("requiredRoles")).hasToString("[\"pipeline\"]");
        assertThat(get(DB + "/environments/stagign/reporting-access", "ci")
                        .body()
                        .get("type")
                        .asText())
                .endsWith("/unknown-environment");
        assertThat(get("/api/v1/databases/nope/environments/staging/reporting-access", "ci")
                        .body()
                        .get("type")
                        .asText())
                .endsWith("/unknown-database");
        assertThat(send("GET", DB + "/environments/staging/reporting-access", null, null, "Authorization", "Bearer x")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aWrongMethodOnAKnownPathIsA405() {
        assertThat(send("DELETE", DB, "admin", null).status()).isEqualTo(405);
    }

    @Test
    void anApproverCannotClaimTheDbaRole() {
        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0001_a", "1.0.0", SCRIPT).json());

        Reply reply = post(DB + "/migrations/0001_a/approvals", "carol", json("role", "dba"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().get("detail").asText()).contains("does not hold the role dba");
    }

    @Test
    void aRetryWithTheSameKeyRecordsNothingTwiceAndGetsTheFirstAnswer() {
        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0002_b", "1.1.0", SCRIPT).json());
        String fact = json("migrationId", "0002_b", "checksum", ProposalBody.checksum(SCRIPT), "outcome", "SUCCEEDED");
        long before = eventCount();

        Reply first = post(DB + "/environments/local/applies", "ci", fact, "Idempotency-Key", "run-42");
        Reply retry = post(DB + "/environments/local/applies", "ci", fact, "Idempotency-Key", "run-42");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.position()).isEqualTo(first.position());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aMalformedRequestDoesNotConsumeItsKey() {
        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0008_h", "1.8.0", SCRIPT).json());
        String placeholder =
                json("migrationId", "0008_h", "checksum", "<sha256 of the script>", "outcome", "SUCCEEDED");
        String corrected =
                json("migrationId", "0008_h", "checksum", ProposalBody.checksum(SCRIPT), "outcome", "SUCCEEDED");

        Reply malformed = post(DB + "/environments/local/applies", "ci", placeholder, "Idempotency-Key", "job-7");
        Reply retry = post(DB + "/environments/local/applies", "ci", corrected, "Idempotency-Key", "job-7");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(retry.status()).as(retry.text()).isEqualTo(201);
        assertThat(post(DB + "/environments/nowhere/applies", "ci", corrected, "Idempotency-Key", "job-8")
                        .status())
                .isEqualTo(404);
        assertThat(post(DB + "/environments/ci/applies", "ci", corrected, "Idempotency-Key", "job-8")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        propose("alice", "0003_c", "1.2.0", "k-1");
        long before = eventCount();

        Reply reply = propose("alice", "0004_d", "1.3.0", "k-1");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRefusalIsRememberedUnderItsKeyToo() {
        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0005_e", "1.4.0", SCRIPT).json());
        String collision = ProposalBody.expand("0005_e", "1.5.0", SCRIPT).json();

        Reply first = post(DB + "/migrations", "alice", collision, "Idempotency-Key", "k-2");
        Reply retry = post(DB + "/migrations", "alice", collision, "Idempotency-Key", "k-2");

        assertThat(first.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.text()).isEqualTo(first.text());
    }

    @Test
    void keysAreScopedToThePrincipal() {
        propose("alice", "0006_f", "1.6.0", "shared");

        Reply other = propose("bob", "0007_g", "1.7.0", "shared");

        assertThat(other.status()).isEqualTo(201);
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry")
                .query(Long.class)
                .single();
    }

    private Reply propose(String principal, String migrationId, String version, String idempotencyKey) {
        String body = ProposalBody.expand(migrationId, version, SCRIPT).json();
        return post(DB + "/migrations", principal, body, "Idempotency-Key", idempotencyKey);
    }
}
