package org.migrationledger.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.chain.PublicKeys;
import org.migrationledger.chain.SignedDigest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13: every stored event is linked into one chain in global_index order, also events stored before the chain
 * existed and an event whose transaction commits after later ones; the digest is signed with the served key; an
 * untouched store verifies intact and extends an earlier digest.
 */
class HashChainIT extends LedgerServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private DataSource dataSource;

    @Test
    void linksEveryEventInPositionOrderEvenOneThatCommitsLate() throws Exception {
        register("chained");
        long late;
        long after;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            late = insertRegistration(held, "late_db");
            after = write("chained", "1.0.0");
            JsonNode waiting = get("/api/v1/audit/digest", "audrey").body();
            assertThat(waiting.get("position").asLong())
                    .as("the chain waits below an event that may still commit")
                    .isLessThan(late);
            held.commit();
        }
        Reply digest = get("/api/v1/audit/digest?minPosition=" + after, "audrey");
        assertThat(digest.header("Ledger-Stale")).isEqualTo("false");
        assertThat(digest.body().get("position").asLong()).isGreaterThanOrEqualTo(after);

        List<Long> linked = jdbc().sql("select global_index from event_chain order by global_index")
                .query(Long.class)
                .list();
        List<Long> stored = jdbc().sql("select global_index from domain_event_entry where global_index <= ?"
                        + " order by global_index")
                .param(linked.get(linked.size() - 1))
                .query(Long.class)
                .list();
        assertThat(linked).isEqualTo(stored).contains(late, after);
        assertThat(jdbc().sql("select previous_position from event_chain where global_index = ?")
                        .param(after)
                        .query(Long.class)
                        .single())
                .isLessThan(after);
        assertThat(post("/api/v1/audit/verify", "audrey", null)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("intact");
    }

    @Test
    void signsTheHeadWithTheServedKeyAndProvesAnEarlierDigestAPrefix() throws Exception {
        long first = write(registered("signed"), "1.0.0");
        JsonNode earlier =
                get("/api/v1/audit/digest?minPosition=" + first, "audrey").body();
        JsonNode key = get("/api/v1/audit/public-key", "admin").body();
        SignedDigest signed = JSON.treeToValue(withoutAlgorithm(earlier), SignedDigest.class);
        assertThat(signed.signatureValidWith(PublicKeys.fromPem(key.get("pem").asText())))
                .isTrue();
        assertThat(earlier.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(earlier.get("algorithm").asText()).isEqualTo("Ed25519");

        long later = write("signed", "1.1.0");
        await().atMost(PATIENCE)
                .until(() -> get("/api/v1/audit/digest", "audrey")
                                .body()
                                .get("position")
                                .asLong()
                        >= later);
        JsonNode verified = post("/api/v1/audit/verify", "audrey", "{\"digest\":" + earlier + "}")
                .body();
        assertThat(verified.get("status").asText()).isEqualTo("intact");
        assertThat(verified.get("checkedEvents").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(verified.at("/digest/signatureValid").asBoolean()).isTrue();
        assertThat(verified.at("/digest/extendsDigest").asBoolean()).isTrue();

        String forged = earlier.toString().replace("\"position\":" + first, "\"position\":" + (first - 1));
        JsonNode refused = post("/api/v1/audit/verify", "audrey", "{\"digest\":" + forged + "}")
                .body();
        assertThat(refused.at("/digest/signatureValid").asBoolean()).isFalse();
        assertThat(refused.at("/digest/extendsDigest").asBoolean()).isFalse();
    }

    /**
     * The figure docs/security.md quotes: how fast the chainer links a backlog (a store upgraded to V015). The rows
     * are of a type no handler knows, which processors pass over, so that only the chain works on them.
     */
    @Test
    void linksABacklogOfTwentyThousandEvents() {
        int backlog = 20_000;
        jdbc().sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload, meta_data)
                        select gen_random_uuid()::text, 'backlog', n, 'SchemaLedger', now()::text,
                               'org.migrationledger.test.BacklogEntry', '1',
                               convert_to('{"n":' || n || ',"note":"' || repeat('x', 400) || '"}', 'UTF8'),
                               convert_to('{"principal":"ci","correlationId":"' || n || '"}', 'UTF8')
                        from generate_series(0, ? - 1) n
                        """).param(backlog).update();
        long last = jdbc().sql("select max(global_index) from domain_event_entry")
                .query(Long.class)
                .single();
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> get("/api/v1/audit/digest", "audrey")
                                .body()
                                .get("position")
                                .asLong()
                        >= last);
        long linkedMillis = (System.nanoTime() - started) / 1_000_000;
        long verifyStarted = System.nanoTime();
        JsonNode verified = post("/api/v1/audit/verify", "audrey", null).body();
        long verifyMillis = (System.nanoTime() - verifyStarted) / 1_000_000;
        System.out.printf(
                "CHAIN FIGURES: linked %d events in %d ms (%d events/s); verified %d in %d ms%n",
                backlog,
                linkedMillis,
                backlog * 1000L / Math.max(1, linkedMillis),
                verified.get("checkedEvents").asLong(),
                verifyMillis);
        assertThat(verified.get("status").asText()).isEqualTo("intact");
        assertThat(verified.get("checkedEvents").asLong()).isGreaterThanOrEqualTo(backlog);
    }

    @Test
    void refusesBadDigestsAndRolesWithProblems() {
        Reply badHash = post(
                "/api/v1/audit/verify",
                "audrey",
                "{\"digest\":{\"position\":1,\"hash\":\"xyz\","
                        + "\"chainedAt\":\"a\",\"signedAt\":\"b\",\"keyId\":\"c\",\"signature\":\"d\"}}");
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.text()).contains("digest.hash");
        Reply missing = post("/api/v1/audit/verify", "audrey", "{\"digest\":{\"position\":1}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("hash");
        assertThat(get("/api/v1/audit/digest?minPosition=x", "audrey").status()).isEqualTo(400);
        assertThat(post("/api/v1/audit/verify", "ci", null).status()).isEqualTo(403);
        assertThat(get("/api/v1/audit/digest", "alice").status()).isEqualTo(403);
        assertThat(get("/api/v1/audit/digest", null).status()).isEqualTo(401);
    }

    private static JsonNode withoutAlgorithm(JsonNode digest) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = digest.deepCopy();
        copy.remove("algorithm");
        return copy;
    }

    private String registered(String db) {
        register(db);
        return db;
    }

    private void register(String db) {
        Reply reply = put("/api/v1/databases/" + db, "admin", json("environments", List.of("ci", "production")));
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
    }

    private long write(String db, String release) {
        Reply reply = post("/api/v1/databases/" + db + "/environments/ci/releases", "ci", json("release", release));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.position();
    }

    private long insertRegistration(Connection connection, String db) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, 0, 'SchemaLedger', ?, 'org.migrationledger.api.events.DatabaseRegistered', '1', ?, ?)
                returning global_index
                """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, db);
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, ("{\"database\":\"" + db + "\",\"environments\":[\"ci\"]}").getBytes(UTF_8));
            insert.setBytes(5, "{\"principal\":\"held-writer\"}".getBytes(UTF_8));
            try (ResultSet inserted = insert.executeQuery()) {
                inserted.next();
                return inserted.getLong(1);
            }
        }
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
