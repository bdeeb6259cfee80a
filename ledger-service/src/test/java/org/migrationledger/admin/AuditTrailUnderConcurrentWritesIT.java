package org.migrationledger.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.web.ReadYourWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 10: under 16 concurrent writers and one transaction that commits long after later ones (its event fills a
 * gap in {@code global_index}), the audit trail holds every stored event exactly once at its own position, a read
 * asking for the late event's position does not answer before the event is visible, every write answers with its own
 * last event's position, and a rebuilt generation of every read model equals the live one. A generation that misses
 * an event (as one written before the fix may) is found by the consistency check and rebuilt.
 */
// Spring Boot's tests switch metric exporters off unless asked; the service itself always serves /actuator/prometheus.
@AutoConfigureObservability
@TestPropertySource(
        properties = {"ledger.projection.min-position-timeout=2s", "ledger.projection.consistency-check-interval=1s"})
class AuditTrailUnderConcurrentWritesIT extends LedgerServiceIT {

    private static final String ADMIN = "/api/v1/admin/projections/";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int WRITERS = 16;
    private static final int WRITES_EACH = 20;

    @Autowired
    private DataSource dataSource;

    @Test
    void everyEventOnceAtItsOwnPositionAndReadsWaitForTheLateOne() throws Exception {
        List<String> databases =
                IntStream.range(0, 8).mapToObj(i -> "writer" + i).toList();
        databases.forEach(this::register);
        register("shared");

        Map<String, String> releaseAtPosition = new ConcurrentHashMap<>();
        long heldPosition;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            heldPosition = insertRegistration(held, "held_db");

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String db = w < databases.size() ? databases.get(w) : "shared";
                String writer = "w" + w;
                all.add(CompletableFuture.runAsync(() -> writeReleases(db, writer, releaseAtPosition), writers));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            writers.shutdown();
            assertThat(releaseAtPosition).hasSize(WRITERS * WRITES_EACH);
            assertThat(releaseAtPosition.keySet().stream()
                            .mapToLong(Long::parseLong)
                            .min()
                            .orElseThrow())
                    .as("the held event's index lies below the writes that committed before it")
                    .isGreaterThan(heldPosition);

            Reply early = get("/api/v1/audit/events?database=held_db&minPosition=" + heldPosition, "audrey");
            assertThat(early.header(ReadYourWrites.STALE_HEADER)).isEqualTo("true");
            assertThat(early.body().get("events")).isEmpty();
            held.commit();
        }

        Reply late = get("/api/v1/audit/events?database=held_db&minPosition=" + heldPosition, "audrey");
        assertThat(late.header(ReadYourWrites.STALE_HEADER)).isEqualTo("false");
        assertThat(late.body().get("events")).hasSize(1);
        assertThat(late.body().get("events").get(0).get("position").asLong()).isEqualTo(heldPosition);

        assertEveryWriteAnsweredWithItsOwnEvent(releaseAtPosition);
        long head = jdbc().sql("select max(global_index) from domain_event_entry")
                .query(Long.class)
                .single();
        await().atMost(PATIENCE).until(() -> consistency().get("toPosition").asLong() >= head);
        JsonNode consistency = consistency();
        assertThat(consistency.get("consistent").asBoolean())
                .as(consistency.toString())
                .isTrue();
        assertThat(consistency.get("storeEvents").asLong())
                .isEqualTo(consistency.get("trailRows").asLong());
        assertThat(trailRows()).isEqualTo(storedEvents());
        assertThat(auditPositionsThroughTheApi()).containsExactlyInAnyOrderElementsOf(storedPositions());

        for (String readModel :
                List.of("audit-trail", "compatibility", "drift", "fleet", "observed-schema", "version-history")) {
            assertRebuildEqualsLive(readModel);
        }
    }

    @Test
    void aGenerationThatMissesAnEventIsFoundAndRebuilt() {
        register("gappy");
        Reply write = post("/api/v1/databases/gappy/environments/ci/releases", "ci", json("release", "1.0.0"));
        assertThat(write.status()).as(write.text()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> consistency().get("toPosition").asLong() >= write.position());
        int before = activeGeneration("audit-trail");

        // What a generation written before the fix may look like: the row of a stored event is not there.
        jdbc().sql("delete from audit_event where generation = ? and global_index = ?")
                .params(before, write.position())
                .update();
        JsonNode found = consistency();
        assertThat(found.get("consistent").asBoolean()).isFalse();
        assertThat(found.get("missing").asLong()).isEqualTo(1);
        assertThat(found.get("firstMissingPosition").asLong()).isEqualTo(write.position());
        JsonNode gappy = StreamSupport.stream(found.get("databases").spliterator(), false)
                .filter(db -> db.get("database").asText().equals("gappy"))
                .findFirst()
                .orElseThrow();
        assertThat(gappy.get("missing").asLong()).isEqualTo(1);

        // The watch finds the gap (health turns DOWN), rebuilds, switches, and finds the new generation whole.
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> projectionsHealth().equals("DOWN"));
        await().atMost(PATIENCE).until(() -> activeGeneration("audit-trail") != before);
        assertThat(consistency().get("consistent").asBoolean()).isTrue();
        await().atMost(PATIENCE).until(() -> projectionsHealth().equals("UP"));
        Reply health = get("/actuator/health", "admin");
        assertThat(health.body()
                        .at("/components/projections/details/auditTrail/consistent")
                        .asBoolean())
                .isTrue();
        assertThat(get("/actuator/prometheus", "admin").text())
                .contains("ledger_audit_trail_missing_events")
                .contains("ledger_projection_failures{read_model=\"audit-trail\"}");
        assertThat(get(ADMIN + "audit-trail/consistency?from=x", "admin").status())
                .isEqualTo(400);
        assertThat(get(ADMIN + "audit-trail/consistency", "audrey").status()).isEqualTo(403);
    }

    private String projectionsHealth() {
        return get("/actuator/health", "admin")
                .body()
                .at("/components/projections/status")
                .asText();
    }

    private void register(String db) {
        Reply reply = put("/api/v1/databases/" + db, "admin", json("environments", List.of("ci", "production")));
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
    }

    private void writeReleases(String db, String writer, Map<String, String> releaseAtPosition) {
        for (int i = 0; i < WRITES_EACH; i++) {
            String release = writer + "." + i;
            Reply reply = post("/api/v1/databases/" + db + "/environments/ci/releases", "ci", json("release", release));
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            releaseAtPosition.put(Long.toString(reply.position()), release);
        }
    }

    /** A write's Ledger-Position names the event that write appended, not a later one of its database. */
    private void assertEveryWriteAnsweredWithItsOwnEvent(Map<String, String> releaseAtPosition) {
        releaseAtPosition.forEach((position, release) -> {
            String payload = jdbc().sql(
                            "select convert_from(payload, 'UTF8') from domain_event_entry where global_index = ?")
                    .param(Long.parseLong(position))
                    .query(String.class)
                    .single();
            assertThat(payload).contains("\"" + release + "\"");
        });
        assertThat(jdbc().sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') like ?")
                        .param("%ledgerWriteId%")
                        .query(Long.class)
                        .single())
                .as("the write id stays out of stored events")
                .isZero();
    }

    private void assertRebuildEqualsLive(String readModel) {
        Reply started = post(ADMIN + readModel + "/rebuilds", "admin", json("autoSwitch", false));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        int generation = started.body().get("progress").get("generation").asInt();
        await().atMost(PATIENCE).until(() -> state(readModel, generation).equals("READY"));
        JsonNode rebuilt = generationView(readModel, generation);
        assertThat(rebuilt.get("equalToActive").asBoolean())
                .as(readModel + ": " + rebuilt.get("comparison"))
                .isTrue();
        Reply switched = post(ADMIN + readModel + "/switch", "admin", null);
        assertThat(switched.status()).as(switched.text()).isEqualTo(200);
    }

    private long insertRegistration(Connection connection, String db) throws SQLException {
        String payload = "{\"database\":\"" + db + "\",\"environments\":[\"ci\",\"production\"]}";
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, 0, 'SchemaLedger', ?, 'org.migrationledger.api.events.DatabaseRegistered', '1', ?, ?)
                returning global_index
                """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, db);
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, payload.getBytes(UTF_8));
            insert.setBytes(5, "{\"principal\":\"held-writer\"}".getBytes(UTF_8));
            try (ResultSet inserted = insert.executeQuery()) {
                inserted.next();
                return inserted.getLong(1);
            }
        }
    }

    private List<String> storedEvents() {
        return jdbc().sql(
                        "select global_index || ' ' || event_identifier from domain_event_entry order by global_index")
                .query(String.class)
                .list();
    }

    private List<Long> storedPositions() {
        return jdbc().sql("select global_index from domain_event_entry")
                .query(Long.class)
                .list();
    }

    private List<String> trailRows() {
        return jdbc().sql("""
                        select global_index || ' ' || event_id from audit_event
                        where generation = (select generation from projection_generation
                                            where read_model = 'audit-trail' and state = 'ACTIVE')
                        order by global_index
                        """).query(String.class).list();
    }

    private List<Long> auditPositionsThroughTheApi() {
        List<Long> positions = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(
                            "/api/v1/audit/events?limit=1000"
                                    + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, UTF_8)),
                            "audrey")
                    .body();
            page.get("events")
                    .forEach(event -> positions.add(event.get("position").asLong()));
            cursor =
                    page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return positions;
    }

    private JsonNode consistency() {
        Reply reply = get(ADMIN + "audit-trail/consistency", "admin");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

    private int activeGeneration(String readModel) {
        return get(ADMIN + readModel, "admin").body().get("activeGeneration").asInt();
    }

    private String state(String readModel, int generation) {
        return generationView(readModel, generation).get("state").asText();
    }

    private JsonNode generationView(String readModel, int generation) {
        return StreamSupport.stream(
                        get(ADMIN + readModel, "admin")
                                .body()
                                .get("generations")
                                .spliterator(),
                        false)
                .filter(view -> view.get("generation").asInt() == generation)
                .findFirst()
                .orElseThrow();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
