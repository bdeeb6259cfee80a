package org.migrationledger.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read-model handler that fails on one ledger's event sets it aside and goes on: the failure is real (a check
 * constraint the version-history table refuses the row with), other ledgers' events are projected meanwhile, the
 * admin API lists, retries and evicts the letters, and health and metrics show them while they are there.
 */
@AutoConfigureObservability
class DeadLetterIT extends LedgerServiceIT {

    private static final String LETTERS = "/api/v1/admin/projections/dead-letters";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailingEventIsSetAsideListedRetriedAndEvicted() {
        for (String db : List.of("poisoned", "healthy", "evicted")) {
            assertThat(put("/api/v1/databases/" + db, "admin", null).status()).isIn(200, 201);
        }
        refuseRowsOf("poisoned");

        propose("poisoned", "0001_first", "1.0.0");
        propose("poisoned", "0002_second", "1.1.0");
        long healthyPosition = propose("healthy", "0001_first", "1.0.0");

        // The processor went on: a later event of another ledger is in the read model ...
        await().atMost(PATIENCE).until(() -> migrationsOf("healthy") == 1);
        // ... while both of the poisoned ledger's events wait, the second behind the first, in order.
        await().atMost(PATIENCE).until(() -> letters("version-history").size() == 2);
        List<JsonNode> letters = letters("version-history");
        assertThat(letters).extracting(l -> l.get("eventType").asText()).containsOnly("MigrationProposed");
        assertThat(letters)
                .extracting(l -> l.get("sequenceIndex").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(letters).extracting(l -> l.get("sequenceNumber").asLong()).isSorted();
        assertThat(letters.get(0).get("causeMessage").asText()).contains("version_history_poisoned_ck");
        assertThat(letters("audit-trail"))
                .as("the audit trail stops instead; it had nothing to set aside")
                .isEmpty();
        assertThat(migrationsOf("poisoned")).isZero();
        assertThat(healthyPosition).isPositive();

        JsonNode health = get("/actuator/health/projections", "admin").body();
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/details/deadLetters/version-history").asLong()).isEqualTo(2);
        assertThat(gauge("ledger_projection_dead_letters", "version-history")).isEqualTo(2);
        assertThat(gauge("ledger_projection_lag_events", "version-history")).isGreaterThanOrEqualTo(2);

        // Retried before the cause is fixed: it fails again and nothing leaves the queue.
        String first = letters.get(0).get("id").asText();
        Reply again = post(LETTERS + "/" + first + "/retry", "admin", null);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().get("projected").asBoolean()).isFalse();
        assertThat(again.body().get("remaining").asLong()).isEqualTo(2);

        acceptRows();
        Reply retried = post(LETTERS + "/" + first + "/retry", "admin", null);
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.body().get("projected").asBoolean()).isTrue();
        assertThat(retried.body().get("remaining").asLong()).isZero();
        assertThat(migrationsOf("poisoned")).isEqualTo(2);
        assertThat(letters("version-history")).isEmpty();
        assertThat(gauge("ledger_projection_dead_letters", "version-history")).isZero();
        await().atMost(PATIENCE).until(() -> gauge("ledger_projection_lag_events", "version-history") == 0);

        refuseRowsOf("evicted");
        propose("evicted", "0001_first", "1.0.0");
        await().atMost(PATIENCE).until(() -> letters("version-history").size() == 1);
        String doomed = letters("version-history").get(0).get("id").asText();
        Reply evicted = send("DELETE", LETTERS + "/" + doomed, "admin", null);
        assertThat(evicted.status()).as(evicted.text()).isEqualTo(200);
        assertThat(evicted.body().get("id").asText()).isEqualTo(doomed);
        assertThat(letters("version-history")).isEmpty();
        acceptRows();
        assertThat(migrationsOf("evicted"))
                .as("an evicted event stays out of the read model")
                .isZero();
        await().atMost(PATIENCE)
                .until(() -> "UP"
                        .equals(get("/actuator/health/projections", "admin")
                                .body()
                                .get("status")
                                .asText()));

        Reply gone = send("DELETE", LETTERS + "/" + doomed, "admin", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().at("/errors/0/field").asText()).isEqualTo("id");
        assertThat(post(LETTERS + "/" + doomed + "/retry", "admin", null).status())
                .isEqualTo(404);
        assertThat(get(LETTERS, "audrey").status()).isEqualTo(403);
    }

    private long propose(String db, String migrationId, String version) {
        Reply proposed = post(
                "/api/v1/databases/" + db + "/migrations",
                "alice",
                ProposalBody.of(migrationId, version, "create table t_" + migrationId + " (id bigint);")
                        .json());
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        return proposed.position();
    }

    /** A real refusal from PostgreSQL, as a broken migration of the read model's table would give. */
    private void refuseRowsOf(String db) {
        acceptRows();
        jdbc.sql(
                        "alter table version_history_migration add constraint version_history_poisoned_ck check (database_name <> '"
                                + db + "')")
                .update();
    }

    private void acceptRows() {
        jdbc.sql("alter table version_history_migration drop constraint if exists version_history_poisoned_ck")
                .update();
    }

    private long migrationsOf(String db) {
        return jdbc.sql("select count(*) from version_history_migration where database_name = ?")
                .param(db)
                .query(Long.class)
                .single();
    }

    private List<JsonNode> letters(String readModel) {
        Reply reply = get(LETTERS, "admin");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        reply.body().forEach(letter -> {
            if (letter.get("readModel").asText().equals(readModel)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private long gauge(String name, String readModel) {
        Reply reply = get("/actuator/prometheus", "audrey");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        Matcher matcher = Pattern.compile(
                        "^" + name + "\\{read_model=\"" + Pattern.quote(readModel) + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(reply.text());
        assertThat(matcher.find())
                .as(name + " of " + readModel + " is published")
                .isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
