package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;

/** Proposals are classified from their SQL; a weaker declaration needs a waiver; breaking changes need a dba. */
class ProposalAnalysisIT extends LedgerServiceIT {

    private static final String DB = "/api/v1/databases/accounts";
    private static final String DROP = "alter table users drop column legacy_name;";
    private static final String SQUAWK = "[{\"file\":\"0003.sql\",\"line\":0,\"column\":0,\"level\":\"Warning\","
            + "\"messages\":[],\"rule_name\":\"ban-drop-column\"}]";

    @BeforeEach
    void register() {
        put(DB, "admin", null);
    }

    @Test
    void returnsFindingsThatNameStatementRuleAndReason() {
        Reply reply = post(DB + "/migrations", "alice", proposal("0001_drop_legacy", "1.0.0", DROP, null, null));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode analysis = reply.body().get("analysis");
        assertThat(analysis.get("basis").asText()).isEqualTo("script");
        assertThat(analysis.get("breaking").asBoolean()).isTrue();
        assertThat(analysis.get("category").asText()).isEqualTo("contract");
        assertThat(analysis.get("lockRisk").get("level").asText()).isEqualTo("ACCESS EXCLUSIVE");
        JsonNode finding = analysis.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("drop-column");
        assertThat(finding.get("statement").asText()).contains("drop column legacy_name");
        assertThat(finding.get("reason").asText()).contains("legacy_name");
        assertThat(reply.body().get("category").asText()).isEqualTo("contract");
    }

    @Test
    void refusesAnUnderstatedClassificationWithoutAWaiver() {
        Reply reply = post(DB + "/migrations", "alice", proposal("0002_drop_legacy", "1.1.0", DROP, "expand", null));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().get("type").asText()).endsWith("/classification-understated");
        assertThat(reply.body().get("detail").asText()).contains("declared category 'expand'");
    }

    @Test
    void recordsTheWaiverAndStillRoutesTheApprovalToADba() {
        Reply proposed = post(
                DB + "/migrations",
                "alice",
                proposal("0003_drop_legacy", "1.2.0", DROP, "expand", Map.of("reason", "column unused since 2024")));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        assertThat(proposed.body().get("waiver").get("waivedBy").asText()).isEqualTo("alice");

        Reply shown = get(DB + "/migrations/0003_drop_legacy?minPosition=" + proposed.position(), "audrey");
        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        assertThat(shown.body().get("waiver").get("reason").asText()).isEqualTo("column unused since 2024");
        assertThat(shown.body().get("linterEvidence").get(0).get("tool").asText())
                .isEqualTo("squawk");
        assertThat(shown.body().get("linterEvidence").get(0).get("report").asText())
                .contains("ban-drop-column");
        assertThat(shown.body()
                        .get("analysis")
                        .get("findings")
                        .get(0)
                        .get("rule")
                        .asText())
                .isEqualTo("drop-column");

        Reply first = post(DB + "/migrations/0003_drop_legacy/approvals", "carol", "{}");
        Reply second = post(DB + "/migrations/0003_drop_legacy/approvals", "dora", "{}");

        assertThat(first.body().get("fullyApproved").asBoolean()).isFalse();
        assertThat(second.body().get("role").asText()).isEqualTo("dba");
        assertThat(second.body().get("fullyApproved").asBoolean()).isTrue();
    }

    @Test
    void aRevisionIsClassifiedCosmeticOrSemanticAndNeedsFreshApproval() {
        String script = "alter table users add column nickname text;";
        post(DB + "/migrations", "alice", proposal("0004_add_nickname", "1.3.0", script, "expand", null));
        assertThat(post(DB + "/migrations/0004_add_nickname/approvals", "carol", "{}")
                        .status())
                .isEqualTo(201);

        Reply cosmetic = post(
                DB + "/migrations/0004_add_nickname/revisions",
                "alice",
                json(
                        "script",
                        "-- shown on profiles\nALTER TABLE users ADD COLUMN nickname text;",
                        "reason",
                        "comment"));
        Reply semantic = post(
                DB + "/migrations/0004_add_nickname/revisions",
                "alice",
                json("script", "alter table users add column nickname varchar(40);", "reason", "bounded length"));
        Reply shown = get(DB + "/migrations/0004_add_nickname?minPosition=" + semantic.position(), "audrey");

        assertThat(cosmetic.status()).as(cosmetic.text()).isEqualTo(201);
        assertThat(cosmetic.body().get("change").asText()).isEqualTo("COSMETIC");
        assertThat(semantic.body().get("change").asText()).isEqualTo("SEMANTIC");
        assertThat(shown.body().get("checksum").asText())
                .isEqualTo(semantic.body().get("checksum").asText());
        assertThat(shown.body().get("status").asText()).isEqualTo("PROPOSED");
    }

    private static String proposal(
            String id, String version, String script, String category, Map<String, String> waiver) {
        return ProposalBody.of(id, version, script)
                .with("description", "drops the legacy name")
                .with("risk", Map.of("impact", "MEDIUM", "rollbackPlan", "restore the column from backup"))
                .with("category", category)
                .with("waiver", waiver)
                .with(
                        "linterEvidence",
                        waiver == null ? null : List.of(Map.of("tool", "squawk", "format", "json", "report", SQUAWK)))
                .json();
    }
}
