package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;

/** Open drift in production (a gated environment) refuses further rollouts there; other environments are free. */
class GateDriftIT extends LedgerServiceIT {

    private static final String DB = "/api/v1/databases/orders";
    private static final String HOTFIX = "alter table orders add column hotfix int;";
    private static final String NEXT = "alter table orders add column next int;";

    @Test
    void openDriftInProductionRefusesTheNextRollout() {
        put(DB, "admin", null);
        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0001_hotfix", "1.0.0", HOTFIX).json());
        Reply hotfix = post(
                DB + "/environments/production/applies",
                "ci",
                json("migrationId", "0001_hotfix", "checksum", ProposalBody.checksum(HOTFIX), "outcome", "SUCCEEDED"));
        assertThat(codes(hotfix.body().get("violations"))).contains("NOT_APPROVED", "PREVIOUS_ENVIRONMENT_SKIPPED");
        Reply drift = get(DB + "/drift?minPosition=" + hotfix.position(), "audrey");
        assertThat(drift.header("Ledger-Stale")).isEqualTo("false");

        post(
                DB + "/migrations",
                "alice",
                ProposalBody.expand("0002_next", "1.1.0", NEXT).json());
        Reply production = post(DB + "/environments/production/gate", "ci", json("migrationId", "0002_next"));
        Reply local = post(DB + "/environments/local/gate", "ci", json("migrationId", "0002_next"));

        assertThat(production.body().get("allowed").asBoolean()).isFalse();
        assertThat(codes(production.body().get("reasons"))).contains("OPEN_DRIFT");
        assertThat(production.body().toString()).contains("0001_hotfix");
        assertThat(codes(local.body().get("reasons"))).doesNotContain("OPEN_DRIFT");
    }
}
