package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;

/** Unproposed facts, withdrawal and supersession, accepted drift and failure detail, over HTTP. */
class GovernanceIT extends LedgerServiceIT {

    private static final String TAG = "alter table wish add column tag text;";
    private static final String TAG_CHECKSUM = ProposalBody.checksum(TAG);

    @Test
    void anUnproposedApplyIsRecordedShownAndAdoptedByItsProposal() {
        String db = "/api/v1/databases/unproposed";
        put(db, "admin", null);

        Reply applied = post(
                db + "/environments/local/applies",
                "ci",
                json("migrationId", "V3__add_tag", "checksum", TAG_CHECKSUM, "outcome", "SUCCEEDED"));

        assertThat(applied.status()).isEqualTo(201);
        assertThat(codes(applied.body().get("violations"))).containsExactly("NOT_PROPOSED");
        JsonNode grid =
                get(db + "/grid?minPosition=" + applied.position(), "audrey").body();
        JsonNode row = grid.get("grid").get(0);
        assertThat(row.get("migrationId").asText()).isEqualTo("0003_add_tag");
        assertThat(row.get("version").asText()).isEqualTo("3.0.0");
        assertThat(row.get("environments").get("local").asText()).isEqualTo("UNPROPOSED");
        get(db + "/drift/acknowledgements?minPosition=" + applied.position(), "audrey");
        JsonNode drift =
                get(db + "/drift?minPosition=" + applied.position(), "audrey").body();
        assertThat(kinds(drift)).contains("NOT_PROPOSED");
        assertThat(migrationPage(db, "0003_add_tag", applied.position())
                        .get("status")
                        .asText())
                .isEqualTo("UNPROPOSED");

        Reply proposal = post(
                db + "/migrations",
                "alice",
                ProposalBody.expand("V3__add_tag", "3.0.0", TAG).json());

        assertThat(proposal.status()).isEqualTo(201);
        JsonNode adopted = migrationPage(db, "0003_add_tag", proposal.position());
        assertThat(adopted.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(adopted.get("environments").get(0).get("status").asText()).isEqualTo("APPLIED");
        get(db + "/drift/acknowledgements?minPosition=" + proposal.position(), "audrey");
        assertThat(kinds(get(db + "/drift", "audrey").body())).doesNotContain("NOT_PROPOSED");
    }

    @Test
    void badFactsAreStillRefusedWithTheFieldNamed() {
        String db = "/api/v1/databases/unproposed_bad";
        put(db, "admin", null);

        Reply typo = post(
                db + "/environments/prod/applies",
                "ci",
                json("migrationId", "V3__add_tag", "checksum", TAG_CHECKSUM, "outcome", "SUCCEEDED"));
        Reply badVersion = post(
                db + "/environments/local/applies",
                "ci",
                json("migrationId", "V3__add_tag", "checksum", TAG_CHECKSUM, "outcome", "SUCCEEDED", "version", "3"));
        Reply rollbackVersion = post(
                db + "/environments/local/rollbacks",
                "ci",
                json("migrationId", "V3__add_tag", "reason", "r", "method", "RESTORE", "version", "x"));

        assertThat(typo.status()).isEqualTo(404);
        assertThat(typo.text()).contains("production");
        assertThat(badVersion.status()).isEqualTo(400);
        assertThat(badVersion.text()).contains("version");
        assertThat(rollbackVersion.status()).isEqualTo(400);
        assertThat(rollbackVersion.text()).contains("version");
    }

    @Test
    void aFailureKeepsItsErrorAndStatementMaskedOnTheMigrationPageAndInTheAuditTrail() {
        String db = "/api/v1/databases/failures";
        put(db, "admin", null);
        post(
                db + "/migrations",
                "alice",
                ProposalBody.expand("0001_add_tag", "1.0.0", TAG).json());

        Reply failed = post(
                db + "/environments/local/applies",
                "ci",
                json(
                        "migrationId", "0001_add_tag",
                        "checksum", TAG_CHECKSUM,
                        "outcome", "FAILED",
                        "error", "could not connect to postgresql://app:hunter2@db/wish",
                        "failedStatement", "alter table wish add column tag text"));

        assertThat(failed.status()).isEqualTo(201);
        JsonNode local = migrationPage(db, "0001_add_tag", failed.position())
                .get("environments")
                .get(0);
        assertThat(local.get("status").asText()).isEqualTo("FAILED");
        assertThat(local.get("error").asText()).isEqualTo("could not connect to postgresql://app:***@db/wish");
        assertThat(local.get("failedStatement").asText()).isEqualTo("alter table wish add column tag text");
        Reply audit = get("/api/v1/audit/events?database=failures&minPosition=" + failed.position(), "audrey");
        assertThat(audit.text())
                .contains("alter table wish add column tag text")
                .doesNotContain("hunter2");
    }

    @Test
    void theProposerWithdrawsAndSupersedesOthersAreRefused() {
        String db = "/api/v1/databases/decisions";
        put(db, "admin", null);
        post(
                db + "/migrations",
                "alice",
                ProposalBody.expand("0001_add_tag", "1.0.0", TAG).json());
        post(
                db + "/migrations",
                "alice",
                ProposalBody.expand("0002_add_tag_again", "1.1.0", TAG + " -- 2")
                        .json());
        post(
                db + "/migrations",
                "bob",
                ProposalBody.expand("0003_add_label", "1.2.0", TAG + " -- 3").json());

        Reply byApprover = post(db + "/migrations/0001_add_tag/withdrawal", "carol", json("reason", "no"));
        Reply byOtherProposer = post(db + "/migrations/0001_add_tag/withdrawal", "bob", json("reason", "no"));
        Reply noReason = post(db + "/migrations/0001_add_tag/withdrawal", "alice", json());
        Reply withdrawn = post(db + "/migrations/0001_add_tag/withdrawal", "alice", json("reason", "not needed"));
        Reply again = post(db + "/migrations/0001_add_tag/withdrawal", "alice", json("reason", "again"));

        assertThat(byApprover.status()).isEqualTo(403);
        assertThat(byOtherProposer.status()).isEqualTo(409);
        assertThat(byOtherProposer.body().get("type").asText()).endsWith("not-proposer");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        assertThat(withdrawn.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        Reply gate = post(db + "/environments/local/gate", "ci", json("migrationId", "0001_add_tag"));
        assertThat(codes(gate.body().get("reasons"))).containsExactly("WITHDRAWN");

        Reply badReplacement = post(
                db + "/migrations/0002_add_tag_again/supersession",
                "alice",
                json("replacementMigrationId", "not an id", "reason", "x"));
        Reply unknownReplacement = post(
                db + "/migrations/0002_add_tag_again/supersession",
                "alice",
                json("replacementMigrationId", "0009_nothing", "reason", "x"));
        Reply superseded = post(
                db + "/migrations/0002_add_tag_again/supersession",
                "bob",
                json("replacementMigrationId", "0003_add_label", "reason", "numbering collision"));

        assertThat(badReplacement.status()).isEqualTo(400);
        assertThat(badReplacement.text()).contains("replacementMigrationId");
        assertThat(unknownReplacement.status()).isEqualTo(422);
        assertThat(unknownReplacement.text()).contains("replacementMigrationId");
        assertThat(superseded.status()).isEqualTo(201);
        JsonNode rows = get(db + "/grid?minPosition=" + superseded.position(), "audrey")
                .body()
                .get("grid");
        assertThat(StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> r.get("migrationId").asText() + "="
                                + r.get("environments").get("local").asText())
                        .toList())
                .containsExactly("0001_add_tag=WITHDRAWN", "0002_add_tag_again=SUPERSEDED", "0003_add_label=PENDING");
        JsonNode page = migrationPage(db, "0002_add_tag_again", superseded.position());
        assertThat(page.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(page.get("ended").get("replacementMigrationId").asText()).isEqualTo("0003_add_label");
        Reply next = post(db + "/environments/local/gate", "ci", json("migrationId", "0003_add_label"));
        assertThat(next.body().get("allowed").asBoolean()).isTrue();
    }

    @Test
    void aDbaAcceptsDriftWhichStopsGatingUntilWithdrawn() {
        String db = "/api/v1/databases/accepted";
        put(db, "admin", null);
        post(
                db + "/migrations",
                "alice",
                ProposalBody.expand("0001_hotfix", "1.0.0", TAG).json());
        Reply hotfix = post(
                db + "/environments/production/applies",
                "ci",
                json("migrationId", "0001_hotfix", "checksum", TAG_CHECKSUM, "outcome", "SUCCEEDED"));
        post(
                db + "/migrations",
                "alice",
                ProposalBody.expand("0002_next", "1.1.0", TAG + " -- next").json());
        List<String> gating = List.of("PROMOTION_ORDER", "MISSING_IN_EARLIER_ENVIRONMENT", "UNAPPROVED_APPLY");
        List<String> open = kinds(
                get(db + "/drift?minPosition=" + hotfix.position(), "audrey").body());
        assertThat(open).containsAnyElementsOf(gating);

        Reply byProposer = post(db + "/drift/acknowledgements", "alice", acknowledgement("UNAPPROVED_APPLY", null));
        Reply badKind = post(db + "/drift/acknowledgements", "dora", acknowledgement("unapproved", null));
        Reply noFinding = post(db + "/drift/acknowledgements", "dora", acknowledgement("STRUCTURAL", null));
        Reply past = post(
                db + "/drift/acknowledgements", "dora", acknowledgement("UNAPPROVED_APPLY", "2020-01-01T00:00:00Z"));
        Reply badEnvironment = post(
                db + "/drift/acknowledgements",
                "dora",
                json("kind", "UNAPPROVED_APPLY", "environment", "prod", "reason", "known"));
        assertThat(byProposer.status()).isEqualTo(403);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.text()).contains("kind");
        assertThat(noFinding.status()).isEqualTo(422);
        assertThat(noFinding.body().get("type").asText()).endsWith("no-open-finding");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.text()).contains("expiresAt");
        assertThat(badEnvironment.status()).isEqualTo(404);

        long position = 0;
        String acknowledgementId = null;
        for (String kind : open.stream().filter(gating::contains).distinct().toList()) {
            Reply accepted =
                    post(db + "/drift/acknowledgements", "dora", acknowledgement(kind, "2999-01-01T00:00:00Z"));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
            position = accepted.position();
            acknowledgementId = accepted.body().get("acknowledgementId").asText();
        }

        JsonNode list = get(db + "/drift/acknowledgements?minPosition=" + position, "audrey")
                .body();
        assertThat(list.get("acknowledgements")).isNotEmpty();
        JsonNode report = get(db + "/drift", "audrey").body();
        assertThat(StreamSupport.stream(report.get("findings").spliterator(), false)
                        .filter(f -> gating.contains(f.get("kind").asText()))
                        .map(f -> f.get("acknowledgement").get("acknowledgedBy").asText())
                        .distinct())
                .containsExactly("dora");
        Reply gate = post(db + "/environments/production/gate", "ci", json("migrationId", "0002_next"));
        assertThat(codes(gate.body().get("reasons"))).doesNotContain("OPEN_DRIFT");

        Reply unknown = send("DELETE", db + "/drift/acknowledgements/nothing", "dora", null);
        Reply withdrawn = send("DELETE", db + "/drift/acknowledgements/" + acknowledgementId, "dora", null);
        get(db + "/drift/acknowledgements?minPosition=" + withdrawn.position(), "audrey");
        Reply twice = send("DELETE", db + "/drift/acknowledgements/" + acknowledgementId, "dora", null);
        Reply gateAgain = post(db + "/environments/production/gate", "ci", json("migrationId", "0002_next"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(codes(gateAgain.body().get("reasons"))).contains("OPEN_DRIFT");
    }

    private static String acknowledgement(String kind, String expiresAt) {
        return expiresAt == null
                ? json("kind", kind, "environment", "production", "reason", "hot-fix of the incident, known")
                : json(
                        "kind",
                        kind,
                        "environment",
                        "production",
                        "reason",
                        "hot-fix of the incident, known",
                        "expiresAt",
                        expiresAt);
    }

    private JsonNode migrationPage(String db, String migrationId, long position) {
        Reply page = get(db + "/migrations/" + migrationId + "?minPosition=" + position, "audrey");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.body();
    }

    private static List<String> kinds(JsonNode drift) {
        return StreamSupport.stream(drift.get("findings").spliterator(), false)
                .map(f -> f.get("kind").asText())
                .toList();
    }
}
