package org.migrationledger.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.chain.BreakKind;
import org.migrationledger.client.cli.LedgerCli;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: an attacker with superuser access to the ledger's database disables the append-only triggers and edits
 * the event store. Online verification and {@code ledger verify} on an NDJSON export each name the position and kind
 * of the first broken link, and an earlier signed digest is no longer extended. After each scenario the attacker's
 * edit is undone from a copy, and the store verifies intact again.
 */
class TamperIT extends LedgerServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private DataSource dataSource;

    @TempDir
    Path files;

    private static final List<Long> positions = new ArrayList<>();
    private static long hole;
    private static String savedDigest;

    @BeforeEach
    void storeOnce() throws Exception {
        if (!positions.isEmpty()) {
            return;
        }
        put("/api/v1/databases/tampered", "admin", json("environments", List.of("ci", "production")));
        for (int i = 0; i < 4; i++) {
            positions.add(release("1." + i + ".0"));
        }
        hole = rolledBackInsert();
        for (int i = 4; i < 8; i++) {
            positions.add(release("1." + i + ".0"));
        }
        Reply digest = get("/api/v1/audit/digest?minPosition=" + positions.get(7), "audrey");
        assertThat(digest.body().get("position").asLong()).isEqualTo(positions.get(7));
        savedDigest = digest.text();
        attacker(
                "create table attacker_events as select * from domain_event_entry",
                "create table attacker_chain as select * from event_chain");
    }

    @Test
    void anUntouchedStoreVerifiesIntactOnlineAndOffline() throws Exception {
        JsonNode online = verifyOnline();
        assertThat(online.get("status").asText()).isEqualTo("intact");
        assertThat(online.at("/digest/extendsDigest").asBoolean()).isTrue();
        assertThat(online.at("/digest/signatureValid").asBoolean()).isTrue();
        Offline offline = verifyOffline();
        assertThat(offline.exit()).as(offline.text()).isZero();
        assertThat(offline.text()).contains("intact: ").contains("the export extends it");
    }

    @Test
    void oneChangedPayloadByte() throws Exception {
        long target = positions.get(2);
        tamperAndCheck(
                target,
                BreakKind.PAYLOAD_CHANGED,
                "update domain_event_entry set payload = set_byte(payload, 3, get_byte(payload, 3) # 1)"
                        + " where global_index = " + target);
    }

    @Test
    void aChangedPrincipal() throws Exception {
        long target = positions.get(3);
        tamperAndCheck(target, BreakKind.METADATA_CHANGED, """
                update domain_event_entry
                set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), '"ci"', '"mallory"'), 'UTF8')
                where global_index = %d
                """.formatted(target));
    }

    @Test
    void aDeletedEvent() throws Exception {
        long target = positions.get(4);
        tamperAndCheck(
                target,
                BreakKind.EVENT_MISSING,
                "delete from domain_event_entry where global_index = " + target,
                "delete from event_chain where global_index = " + target);
    }

    @Test
    void twoSwappedEvents() throws Exception {
        long first = positions.get(5);
        long second = positions.get(6);
        tamperAndCheck(
                first,
                BreakKind.EVENTS_REORDERED,
                "update domain_event_entry set global_index = -1 where global_index = " + first,
                "update domain_event_entry set global_index = " + first + " where global_index = " + second,
                "update domain_event_entry set global_index = " + second + " where global_index = -1");
    }

    @Test
    void aForgedEventWithACorrectLookingHash() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long before = positions.get(3);
        byte[] previousHash = jdbc.sql("select hash from event_chain where global_index = ?")
                .param(before)
                .query(byte[].class)
                .single();
        var forged = new org.migrationledger.chain.StoredEvent(
                hole,
                "forged-event",
                "tampered",
                99,
                "SchemaLedger",
                "2026-11-26T10:00:00Z",
                "org.migrationledger.api.events.ReleaseDeployed",
                "1",
                "{\"release\":\"6.6.6\"}".getBytes(UTF_8),
                "{\"principal\":\"ci\"}".getBytes(UTF_8));
        var link = org.migrationledger.chain.CanonicalForm.link(forged, before, previousHash);
        tamperAndCheck(hole, BreakKind.EVENT_INSERTED, () -> {
            // The chain's guard against forks would refuse a second link after the same event: a superuser drops it.
            jdbc.sql("alter table event_chain drop constraint event_chain_previous_position_uk")
                    .update();
            jdbc.sql("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(
                            hole,
                            forged.eventId(),
                            forged.aggregateId(),
                            forged.sequenceNumber(),
                            forged.aggregateType(),
                            forged.timestamp(),
                            forged.payloadType(),
                            forged.payloadRevision(),
                            forged.payload(),
                            forged.metaData())
                    .update();
            jdbc.sql("""
                    insert into event_chain (global_index, event_identifier, previous_position, previous_hash,
                        payload_hash, metadata_hash, hash, chained_at)
                    values (?, ?, ?, ?, ?, ?, ?, now())
                    """)
                    .params(
                            hole,
                            link.eventId(),
                            link.previousPosition(),
                            link.previousHash(),
                            link.payloadHash(),
                            link.metadataHash(),
                            link.hash())
                    .update();
        });
    }

    @Test
    void aTruncatedTail() throws Exception {
        long first = positions.get(6);
        tamperAndCheck(first, BreakKind.EVENT_MISSING, "delete from domain_event_entry where global_index >= " + first);
    }

    @Test
    void aTruncatedTailAndChainShowOnlyAgainstTheSavedDigest() throws Exception {
        long first = positions.get(6);
        attacker(
                "delete from domain_event_entry where global_index >= " + first,
                "delete from event_chain where global_index >= " + first);
        try {
            JsonNode online = verifyOnline();
            assertThat(online.get("status").asText())
                    .as("no reference is left in the database")
                    .isEqualTo("intact");
            assertThat(online.at("/digest/extendsDigest").asBoolean()).isFalse();
            assertThat(online.at("/digest/verdict").asText()).isEqualTo("ENDS_BEFORE");
            Offline offline = verifyOffline();
            assertThat(offline.exit()).as(offline.text()).isEqualTo(1);
            assertThat(offline.text()).contains("does NOT extend it");
        } finally {
            restore();
        }
    }

    private void tamperAndCheck(long position, BreakKind kind, String... statements) throws Exception {
        tamperAndCheck(position, kind, () -> attacker(statements));
    }

    private void tamperAndCheck(long position, BreakKind kind, Runnable tampering) throws Exception {
        try {
            withTriggersDisabled(tampering);
            JsonNode online = verifyOnline();
            assertThat(online.get("status").asText()).as(online.toString()).isEqualTo("broken");
            assertThat(online.at("/brokenLink/position").asLong())
                    .as(online.toString())
                    .isEqualTo(position);
            assertThat(online.at("/brokenLink/kind").asText()).isEqualTo(kind.name());
            assertThat(online.at("/digest/extendsDigest").asBoolean()).isFalse();
            Offline offline = verifyOffline();
            assertThat(offline.exit()).as(offline.text()).isEqualTo(1);
            assertThat(offline.text())
                    .contains("broken at position " + position + ": " + kind.name())
                    .contains("does NOT extend it");
        } finally {
            restore();
        }
        assertThat(verifyOnline().get("status").asText()).as("restored").isEqualTo("intact");
    }

    private JsonNode verifyOnline() {
        Reply reply = post("/api/v1/audit/verify", "audrey", "{\"digest\":" + savedDigest + "}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

    private Offline verifyOffline() throws Exception {
        Reply export = get("/api/v1/audit/events", "audrey", "Accept", "application/x-ndjson");
        Path file = Files.writeString(files.resolve("export.ndjson"), export.text());
        Path key = Files.writeString(
                files.resolve("ledger.pub"),
                get("/api/v1/audit/public-key", "audrey").body().get("pem").asText());
        Path digest = Files.writeString(files.resolve("digest.json"), savedDigest);
        StringWriter out = new StringWriter();
        int exit = LedgerCli.run(
                new String[] {"verify", file.toString(), "--public-key", key.toString(), "--digest", digest.toString()},
                Map.of(),
                new PrintWriter(out, true),
                new PrintWriter(out, true));
        return new Offline(exit, out.toString());
    }

    private record Offline(int exit, String text) {}

    private long release(String release) {
        Reply reply = post("/api/v1/databases/tampered/environments/ci/releases", "ci", json("release", release));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.position();
    }

    /** Leaves a hole in global_index, as a rolled-back write does: where a forged event can later be put. */
    private long rolledBackInsert() throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                var rs = statement.executeQuery("select nextval('domain_event_entry_global_index_seq')");
                rs.next();
                long taken = rs.getLong(1);
                connection.rollback();
                return taken;
            }
        }
    }

    private void restore() {
        attacker(
                "delete from domain_event_entry",
                "insert into domain_event_entry select * from attacker_events",
                "delete from event_chain",
                "insert into event_chain select * from attacker_chain");
    }

    private void attacker(String... statements) {
        withTriggersDisabled(() -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (String statement : statements) {
                jdbc.sql(statement).update();
            }
        });
    }

    /**
     * What a superuser does: switches the append-only triggers off, edits, and switches them on again, in one
     * transaction, so that the chainer (which would link a store emptied for a moment) sees the edit whole.
     */
    private void withTriggersDisabled(Runnable edit) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("alter table domain_event_entry disable trigger user").update();
            jdbc.sql("alter table event_chain disable trigger user").update();
            edit.run();
            jdbc.sql("alter table domain_event_entry enable trigger user").update();
            jdbc.sql("alter table event_chain enable trigger user").update();
        });
    }
}
