package org.migrationledger.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.migrationledger.web.ReadYourWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blue-green rebuild over HTTP: a rebuild runs while pipelines keep writing, switches itself once caught up and
 * equal, a second generation built from scratch afterwards compares equal to the switched one, and a rollback brings
 * the previous generation back.
 */
class ProjectionRebuildIT extends LedgerServiceIT {

    private static final String ADMIN = "/api/v1/admin/projections/compatibility";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AtomicLong position = new AtomicLong();

    @Autowired
    private JdbcClient jdbc;

    @Test
    void rebuildsWhileWritesContinueSwitchesAndRollsBack() {
        for (int db = 0; db < 4; db++) {
            writeDatabase("store" + db);
        }

        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 30; i++) {
                release("store" + (i % 4), "production", "4." + i + ".0");
            }
        });
        await().atMost(PATIENCE).until(() -> position.get() > 50);

        Reply started = post(ADMIN + "/rebuilds", "admin", json("autoSwitch", true));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.body().get("progress").get("generation").asInt()).isEqualTo(2);
        assertThat(post(ADMIN + "/rebuilds", "admin", "{}").status()).isEqualTo(409);
        JsonNode progress = get(ADMIN, "admin").body().get("progress");
        assertThat(progress.get("processorName").asText()).isEqualTo("compatibility-v2");
        assertThat(progress.has("total") && progress.has("processed") && progress.has("eventsPerSecond"))
                .isTrue();
        writes.join();

        await().atMost(PATIENCE).until(() -> activeGeneration() == 2);
        JsonNode switched = generation(2);
        assertThat(switched.get("comparison").asText()).contains(" are equal ");
        assertThat(switched.get("equalToActive").asBoolean()).isTrue();
        assertThat(generation(1).get("state").asText()).isEqualTo("STANDBY");
        assertThat(compatibility("store1")).contains("4.29.0").contains("4.25.0");

        // A generation built from scratch now must hold exactly what the switched one holds.
        assertThat(post(ADMIN + "/rebuilds", "admin", json("autoSwitch", false)).status())
                .isEqualTo(202);
        await().atMost(PATIENCE).until(() -> generation(3).get("state").asText().equals("READY"));
        assertThat(generation(3).get("comparison").asText())
                .startsWith("Generations 2 and 3 are equal")
                .contains("compatibility_release 38/38 rows, 0 only in the old, 0 only in the new");
        assertThat(activeGeneration()).isEqualTo(2);

        Reply switchedOver = post(ADMIN + "/switch", "admin", null);
        assertThat(switchedOver.status()).as(switchedOver.text()).isEqualTo(200);
        assertThat(activeGeneration()).isEqualTo(3);
        assertThat(generation(1).get("state").asText()).isEqualTo("RETIRED");

        Reply rolledBack = post(ADMIN + "/rollback", "admin", null);
        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(200);
        assertThat(activeGeneration()).isEqualTo(2);
        release("store0", "staging", "5.0.0");
        assertThat(compatibility("store0")).contains("\"release\":\"5.0.0\"");
    }

    /** The switch decides on the stored verdict, never on the words of the comparison. */
    @Test
    void refusesToSwitchToAGenerationFoundDifferentUnlessForced() {
        writeDatabase("differs");
        String drift = "/api/v1/admin/projections/drift";
        assertThat(post(drift + "/rebuilds", "admin", json("autoSwitch", false)).status())
                .isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> "READY"
                        .equals(get(drift, "admin")
                                .body()
                                .at("/generations/1/state")
                                .asText()));
        jdbc.sql(
                        "update projection_generation set comparison_equal = false where read_model = 'drift' and generation = 2")
                .update();

        Reply refused = post(drift + "/switch", "admin", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("differs from the active one");
        assertThat(get(drift, "admin").body().get("activeGeneration").asInt()).isEqualTo(1);

        Reply forced = post(drift + "/switch?force=true", "admin", null);
        assertThat(forced.status()).as(forced.text()).isEqualTo(200);
        assertThat(forced.body().get("activeGeneration").asInt()).isEqualTo(2);
    }

    @Test
    void refusesUnknownReadModelsAndNonAdmins() {
        assertThat(get("/api/v1/admin/projections/nope", "admin").status()).isEqualTo(404);
        assertThat(post("/api/v1/admin/projections/drift/rollback", "admin", null)
                        .status())
                .isEqualTo(409);
        assertThat(get("/api/v1/admin/projections", "audrey").status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/projections", "admin").body())
                .extracting(view -> view.path("readModel").asText())
                .containsExactly(
                        "audit-trail",
                        "compatibility",
                        "drift",
                        "fleet",
                        "governance",
                        "observed-schema",
                        "version-history");
    }

    private void writeDatabase(String db) {
        String base = "/api/v1/databases/" + db;
        write(put(base, "admin", json("environments", List.of("ci", "staging", "production"))));
        for (int i = 1; i <= 3; i++) {
            String id = String.format("%04d_step_%d", i, i);
            write(post(
                    base + "/migrations",
                    "alice",
                    ProposalBody.of(id, "1." + i + ".0", null)
                            .with("description", "step " + i)
                            .with("checksum", "%064d".formatted(i))
                            .with("category", "expand")
                            .with("risk", Map.of("impact", "low", "rollbackPlan", "restore"))
                            .json()));
            write(post(base + "/migrations/" + id + "/approvals", "bob", "{}"));
            write(post(
                    base + "/environments/ci/applies",
                    "ci",
                    json("migrationId", id, "checksum", "%064d".formatted(i), "outcome", "SUCCEEDED")));
        }
        release(db, "production", "3.0.0");
        release(db, "production", "3.1.0");
    }

    private void release(String db, String env, String release) {
        write(post("/api/v1/databases/" + db + "/environments/" + env + "/releases", "ci", json("release", release)));
    }

    private void write(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
        position.accumulateAndGet(reply.position(), Math::max);
    }

    private String compatibility(String db) {
        Reply reply = get("/api/v1/databases/" + db + "/compatibility?minPosition=" + position.get(), "audrey");
        assertThat(reply.header(ReadYourWrites.STALE_HEADER)).isEqualTo("false");
        return reply.text();
    }

    private int activeGeneration() {
        return get(ADMIN, "admin").body().get("activeGeneration").asInt();
    }

    private JsonNode generation(int generation) {
        return StreamSupport.stream(
                        get(ADMIN, "admin").body().get("generations").spliterator(), false)
                .filter(node -> node.get("generation").asInt() == generation)
                .findFirst()
                .orElseThrow();
    }
}
