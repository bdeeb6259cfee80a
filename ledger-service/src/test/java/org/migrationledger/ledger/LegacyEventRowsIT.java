package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.EventMetadata;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.RiskAssessment;
import org.migrationledger.upcasting.LedgerUpcasters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows an early prototype of the ledger wrote (revision-1 proposals without category, free-text environments,
 * {@code MigrationExecuted} with an outcome) are read as current events by both sides: the command side judges new
 * facts and answers the gate on them, and a replay of the event store delivers current records. Each upcaster is
 * needed: without any one of them the replay reads differently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyEventRowsIT extends LedgerServiceIT {

    private static final String DB = "wishlist";
    private static final String EXPAND = "0001_add_wish_note";
    private static final String CONTRACT = "0002_drop_legacy_note";
    private static final String C1 = "3b5d5c3712955042212316173ccf37be80000000000000000000000000000001";
    private static final String C2 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String RUN = "https://ci.example.org/wishlist/pipelines/";
    private static final List<String> PATH = List.of("local", "ci", "staging", "production");
    private static final int LEGACY_ROWS = 10;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private ConnectionProvider connectionProvider;

    @Autowired
    private EventSchema eventSchema;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private Serializer serializer;

    @BeforeAll
    void writeThePrototypesHistory() {
        LegacyRows rows = new LegacyRows(jdbc);
        rows.event(DB, 0, "DatabaseRegistered", "1", """
                {"database":"wishlist","environments":["local","ci","staging","production"]}""");
        rows.event(
                DB,
                1,
                "MigrationProposed",
                "1",
                proposal(
                        EXPAND,
                        "1.1.0",
                        C1,
                        "ALTER TABLE wish ADD COLUMN note text;",
                        "\"ALTER TABLE wish DROP COLUMN note;\"",
                        false,
                        true,
                        "LOW",
                        null));
        rows.event(DB, 2, "MigrationApproved", "1", """
                {"database":"wishlist","migrationId":"%s","approvedBy":"carol","role":"approver","checksum":"%s",
                 "comment":null,"approvalsRequired":1,"fullyApproved":true}""".formatted(EXPAND, C1));
        rows.event(DB, 3, "MigrationExecuted", "1", executed("LOCAL", "SUCCESS", 3, null));
        rows.event(DB, 4, "MigrationExecuted", "1", executed(" ci", "SUCCESS", 4, null));
        rows.event(DB, 5, "MigrationApplied", "1", applied("Stage", 5));
        rows.event(DB, 6, "MigrationExecuted", "1", executed("prod", "FAILURE", 6, "lock timeout"));
        rows.event(DB, 7, "MigrationApplied", "1", applied("Production ", 7));
        rows.event(
                DB,
                8,
                "MigrationProposed",
                "1",
                proposal(
                        CONTRACT,
                        "2.0.0",
                        C2,
                        "ALTER TABLE wish DROP COLUMN legacy_note;",
                        "null",
                        true,
                        false,
                        "HIGH",
                        "\"" + EXPAND + "\""));
        rows.event(DB, 9, "ReleaseDeployed", "1", """
                {"database":"wishlist","environment":"production","release":"3.1.0","schemaVersion":"1.1.0"}""");
    }

    @Test
    void theGateJudgesOnTheUpcastHistory() {
        // The gate also reads the drift read model, which is still replaying the inserted rows when the class starts:
        // until it has passed production's later apply, production's failed run shows as open drift.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Reply expandInProduction = post(gate("production"), "ci", json("migrationId", EXPAND));
            assertThat(expandInProduction.status())
                    .as(expandInProduction.text())
                    .isEqualTo(200);
            assertThat(codes(expandInProduction)).containsExactly("ALREADY_APPLIED");
        });
        Reply contractLocally = post(gate("local"), "ci", json("migrationId", CONTRACT));

        assertThat(codes(contractLocally)).containsExactly("CONTRACT_BEFORE_STABILITY_WINDOW");
        assertThat(contractLocally.body().at("/reasons/0/detail").asText())
                .contains("1 of the 2 releases", "0001_add_wish_note");
    }

    @Test
    void aNewFactIsJudgedOnTheUpcastHistoryAndAppendedAfterIt() {
        Reply reply = post(
                "/api/v1/databases/" + DB + "/environments/ci/applies",
                "ci",
                json("migrationId", EXPAND, "checksum", C1, "outcome", "SUCCEEDED"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.body().at("/violations/0/code").asText()).isEqualTo("ALREADY_APPLIED");
        assertThat(reply.body().get("violations")).hasSize(1);
        assertThat(jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                        .param(DB)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(LEGACY_ROWS);
    }

    @Test
    void aReplayOfTheEventStoreDeliversCurrentRecords() {
        List<TrackedEventMessage<?>> replayed = replay();

        assertThat(replayed.stream().map(event -> (Object) event.getPayload()).toList())
                .containsExactlyElementsOf(expectedHistory());
        assertThat(replayed.get(0).getMetaData()).containsEntry(EventMetadata.PRINCIPAL, "legacy-ci");
    }

    @Test
    void withoutAnyOneEventUpcasterTheReplayReadsDifferently() {
        // Upcasters that only add a field older revisions lacked, as null (ADR 0003: additive changes).
        java.util.Set<String> onlyAddsAnAbsentField = java.util.Set.of("MigrationApplyFailedV1ToV2Upcaster");
        List<EventUpcaster> all = LedgerUpcasters.all();
        int proven = 0;
        for (int removed = 0; removed < all.size(); removed++) {
            List<EventUpcaster> rest = new ArrayList<>(all);
            String name = rest.remove(removed).getClass().getSimpleName();
            if (name.startsWith("SchemaLedgerSnapshot")) {
                continue; // snapshots only; SnapshotIT proves that one
            }
            if (onlyAddsAnAbsentField.contains(name)) {
                // Jackson reads a missing field as null, so the replay reads the same without it; that the stored
                // revision reads with exactly the current fields is proven by the upcasters' HistoricalRevisionsTest.
                continue;
            }
            List<Object> read = engineWith(new EventUpcasterChain(rest))
                    .readEvents(null, false)
                    .limit(LEGACY_ROWS)
                    .<Object>map(TrackedEventMessage::getPayload)
                    .toList();
            assertThat(read).as("replay without %s", name).isNotEqualTo(expectedHistory());
            proven++;
        }
        long snapshotUpcasters = all.stream()
                .map(upcaster -> upcaster.getClass().getSimpleName())
                .filter(name -> name.startsWith("SchemaLedgerSnapshot") || onlyAddsAnAbsentField.contains(name))
                .count();
        assertThat(proven).isEqualTo(all.size() - snapshotUpcasters);
    }

    private List<TrackedEventMessage<?>> replay() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (events.size() < LEGACY_ROWS && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    private JdbcEventStorageEngine engineWith(EventUpcaster upcasters) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasters)
                .connectionProvider(connectionProvider)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(eventSchema)
                .build();
    }

    private static List<Object> expectedHistory() {
        RiskAssessment low = new RiskAssessment("LOW", "Run the down script.", null, null);
        RiskAssessment high = new RiskAssessment("HIGH", "Run the down script.", null, null);
        return List.of(
                new DatabaseRegistered(DB, PATH),
                new MigrationProposed(
                        DB,
                        EXPAND,
                        "1.1.0",
                        "Prototype proposal",
                        "alice",
                        "alice",
                        C1,
                        "ALTER TABLE wish ADD COLUMN note text;",
                        "ALTER TABLE wish DROP COLUMN note;",
                        "expand",
                        false,
                        true,
                        low,
                        List.of(),
                        null,
                        null,
                        List.of(),
                        null),
                new MigrationApproved(DB, EXPAND, "carol", "approver", C1, null, 1, true),
                new MigrationApplied(DB, EXPAND, "local", C1, at(3), null, "flyway", RUN + 3, List.of()),
                new MigrationApplied(DB, EXPAND, "ci", C1, at(4), null, "flyway", RUN + 4, List.of()),
                new MigrationApplied(DB, EXPAND, "staging", C1, at(5), null, "flyway", RUN + 5, List.of()),
                new MigrationApplyFailed(
                        DB, EXPAND, "production", C1, at(6), null, "lock timeout", null, "flyway", RUN + 6, List.of()),
                new MigrationApplied(DB, EXPAND, "production", C1, at(7), null, "flyway", RUN + 7, List.of()),
                new MigrationProposed(
                        DB,
                        CONTRACT,
                        "2.0.0",
                        "Prototype proposal",
                        "alice",
                        "alice",
                        C2,
                        "ALTER TABLE wish DROP COLUMN legacy_note;",
                        null,
                        "contract",
                        true,
                        false,
                        high,
                        List.of(),
                        EXPAND,
                        null,
                        List.of(),
                        null),
                new ReleaseDeployed(DB, "production", "3.1.0", "1.1.0"));
    }

    private static String proposal(
            String id,
            String version,
            String checksum,
            String script,
            String downScript,
            boolean breaking,
            boolean rollbackSafe,
            String impact,
            String expandId) {
        return """
                {"database":"wishlist","migrationId":"%s","version":"%s","description":"Prototype proposal",
                 "author":"alice","proposedBy":"alice","checksum":"%s","script":"%s","downScript":%s,
                 "breaking":%s,"rollbackSafe":%s,
                 "risk":{"impact":"%s","rollbackPlan":"Run the down script.","testingEvidence":null,
                         "estimatedRuntimeSeconds":null},
                 "verificationQueries":[],"expandMigrationId":%s,"analysis":null,"linterEvidence":[],"waiver":null}
                """.formatted(id, version, checksum, script, downScript, breaking, rollbackSafe, impact, expandId);
    }

    private static String executed(String environment, String outcome, int run, String error) {
        return """
                {"database":"wishlist","migrationId":"%s","environment":"%s","checksum":"%s","outcome":"%s",
                 "executedAt":"%s","error":%s,"tool":"flyway","runUrl":"%s"}
                """.formatted(
                EXPAND, environment, C1, outcome, at(run), error == null ? "null" : "\"" + error + "\"", RUN + run);
    }

    private static String applied(String environment, int run) {
        return """
                {"database":"wishlist","migrationId":"%s","environment":"%s","checksum":"%s","startedAt":"%s",
                 "tool":"flyway","runUrl":"%s","violations":[]}
                """.formatted(EXPAND, environment, C1, at(run), RUN + run);
    }

    private static Instant at(int run) {
        return LegacyRows.WRITTEN_FROM.minusSeconds(3600).plusSeconds(run);
    }

    private static String gate(String environment) {
        return "/api/v1/databases/" + DB + "/environments/" + environment + "/gate";
    }

    private static List<String> codes(Reply reply) {
        List<String> codes = new ArrayList<>();
        reply.body()
                .path("reasons")
                .forEach(reason -> codes.add(reason.path("code").asText()));
        return codes;
    }
}
