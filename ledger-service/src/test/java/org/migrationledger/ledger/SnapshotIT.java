package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.migrationledger.LedgerServiceIT;
import org.migrationledger.ProposalBody;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Snapshots (ADR 0003): taken every {@code ledger.snapshots.threshold} events in the versioned
 * {@link SchemaLedgerSnapshot} shape; a load from the snapshot plus the tail equals a load from all events; an old
 * snapshot revision is migrated lazily, on read, through the upcaster chain; a snapshot that cannot be read, or is of
 * a revision this node does not know, is ignored and the ledger rebuilt from its events.
 */
@TestPropertySource(properties = "ledger.snapshots.threshold=" + SnapshotIT.THRESHOLD)
class SnapshotIT extends LedgerServiceIT {

    static final int THRESHOLD = 5;

    private static final String SNAPSHOT_TYPE = "org.migrationledger.ledger.SchemaLedgerSnapshot";
    private static final String DOWN = "alter table item drop column %s;";
    private static final String C1 = "3b5d5c3712955042212316173ccf37be80000000000000000000000000000001";
    private static final String C2 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("schemaLedgerCache")
    private Cache cache;

    @Autowired
    private ParameterResolverFactory parameterResolverFactory;

    @Autowired
    private HandlerDefinition handlerDefinition;

    @Autowired
    private ConnectionProvider connectionProvider;

    @Autowired
    private EventSchema eventSchema;

    @Autowired
    private Serializer serializer;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private EventUpcasterChain ledgerUpcasterChain;

    @Test
    void aLoadFromSnapshotPlusTailEqualsALoadFromAllEvents() {
        String db = "shop";
        recordHistory(db);
        List<String> questions =
                List.of("production:0002_add_tags", "staging:0003_add_rating", "local:0003_add_rating");
        List<String> warm = gateAnswers(db, questions);

        Map<String, Object> snapshot = latestSnapshot(db);
        long lastSequence = lastSequence(db);
        assertThat(snapshot.get("payload_type")).isEqualTo(SNAPSHOT_TYPE);
        assertThat(snapshot.get("payload_revision")).isEqualTo("3");
        assertThat((Long) snapshot.get("sequence_number"))
                .as("a snapshot within the last %d events, followed by a tail", THRESHOLD)
                .isBetween(lastSequence - THRESHOLD, lastSequence - 1);

        DomainEventStream fromSnapshot = eventStore.readEvents(db);
        assertThat(fromSnapshot.peek().getPayload()).isInstanceOf(SchemaLedgerSnapshot.class);
        SchemaLedgerSnapshot viaSnapshot = load(db, fromSnapshot);
        SchemaLedgerSnapshot viaEvents = load(db, eventStore.readEvents(db, 0));
        assertThat(viaSnapshot).isEqualTo(viaEvents);
        assertThat(viaEvents.migrations()).hasSize(3);
        assertThat(viaEvents.releasesByEnvironment()).containsEntry("production", 1);

        cache.removeAll();
        assertThat(gateAnswers(db, questions)).isEqualTo(warm);
    }

    @Test
    void readsARevisionOneSnapshotThroughTheUpcasterWithoutRewritingIt() {
        String db = "oldshop";
        writeEvents(db);
        // The marker: the snapshot counts 3 releases in production where the events count 1, so the gate's answer
        // shows whether the snapshot was read (lazy migration) or ignored (fallback to the events).
        new LegacyRows(jdbc).snapshot(db, 8, SNAPSHOT_TYPE, "1", revisionOneSnapshot(3));

        Reply contract = post(gate(db, "local"), "ci", json("migrationId", "0002_drop_note"));

        assertThat(contract.body().get("allowed").asBoolean())
                .as(contract.text())
                .isTrue();
        assertThat(latestSnapshot(db)).containsEntry("payload_revision", "1");
    }

    @Test
    void ignoresACorruptSnapshotAndRebuildsFromTheEvents() {
        String db = "brokenshop";
        writeEvents(db);
        new LegacyRows(jdbc).snapshot(db, 8, SNAPSHOT_TYPE, "2", "{\"database\":\"brokenshop\",\"migrations\":[{");

        Reply contract = post(gate(db, "local"), "ci", json("migrationId", "0002_drop_note"));

        assertThat(contract.status()).as(contract.text()).isEqualTo(200);
        assertThat(contract.body().at("/reasons/0/code").asText()).isEqualTo("CONTRACT_BEFORE_STABILITY_WINDOW");
        assertThat(contract.body().at("/reasons/0/detail").asText()).contains("1 of the 2 releases");
        assertThatThrownBy(() -> engineWithoutSnapshotFilter()
                        .readSnapshot(db)
                        .orElseThrow()
                        .getPayload())
                .as("Axon alone deserialises the snapshot lazily, after its own fallback was decided")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void ignoresASnapshotOfARevisionThisNodeDoesNotKnow() {
        String db = "futureshop";
        writeEvents(db);
        String futureRevision = revisionOneSnapshot(3)
                .replace("\"environments\" : {\"local\"", "\"environments\" : [{\"environment\":\"local\"");
        new LegacyRows(jdbc).snapshot(db, 8, SNAPSHOT_TYPE, "3", futureRevision);

        Reply contract = post(gate(db, "local"), "ci", json("migrationId", "0002_drop_note"));

        assertThat(contract.body().at("/reasons/0/code").asText())
                .as(contract.text())
                .isEqualTo("CONTRACT_BEFORE_STABILITY_WINDOW");
    }

    private void recordHistory(String db) {
        assertThat(put("/api/v1/databases/" + db, "admin", null).status()).isEqualTo(201);
        for (String[] migration : new String[][] {
            {"0001_add_sku", "1.1.0", "sku"}, {"0002_add_tags", "1.2.0", "tags"}, {"0003_add_rating", "1.3.0", "rating"}
        }) {
            String script = "alter table item add column " + migration[2] + " text;";
            Reply proposed = post("/api/v1/databases/" + db + "/migrations", "alice", proposal(migration, script));
            assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
            post("/api/v1/databases/" + db + "/migrations/" + migration[0] + "/approvals", "carol", "{}");
        }
        for (String environment : List.of("local", "ci", "staging", "production")) {
            apply(db, environment, "0001_add_sku", "alter table item add column sku text;");
        }
        post("/api/v1/databases/" + db + "/environments/production/releases", "ci", json("release", "4.0.0"));
        apply(db, "local", "0002_add_tags", "alter table item add column tags text;");
        apply(db, "ci", "0002_add_tags", "alter table item add column tags text;");
        apply(db, "staging", "0002_add_tags", "alter table item add column tags text;");
        apply(db, "local", "0003_add_rating", "alter table item add column rating text;");
    }

    private void apply(String db, String environment, String migrationId, String script) {
        Reply reply = post(
                "/api/v1/databases/" + db + "/environments/" + environment + "/applies",
                "ci",
                json("migrationId", migrationId, "checksum", ProposalBody.checksum(script), "outcome", "SUCCEEDED"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    }

    private static String proposal(String[] migration, String script) {
        return ProposalBody.expand(migration[0], migration[1], script)
                .with("description", "adds " + migration[2])
                .with("downScript", DOWN.formatted(migration[2]))
                .json();
    }

    private List<String> gateAnswers(String db, List<String> questions) {
        return questions.stream()
                .map(question -> {
                    String[] parts = question.split(":");
                    return question + " "
                            + post(gate(db, parts[0]), "ci", json("migrationId", parts[1]))
                                    .text();
                })
                .toList();
    }

    /** Replays a stream into a fresh ledger the way the repository does, and exports what it knows. */
    private SchemaLedgerSnapshot load(String db, DomainEventStream stream) {
        SchemaLedger root = (SchemaLedger) new SchemaLedgerAggregateFactory().createAggregateRoot(db, stream.peek());
        EventSourcedAggregate<SchemaLedger> aggregate = EventSourcedAggregate.initialize(
                root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        SchemaLedger.class, parameterResolverFactory, handlerDefinition),
                null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        return aggregate.getAggregateRoot().snapshot();
    }

    private JdbcEventStorageEngine engineWithoutSnapshotFilter() {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(ledgerUpcasterChain)
                .connectionProvider(connectionProvider)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(eventSchema)
                .build();
    }

    private Map<String, Object> latestSnapshot(String db) {
        return jdbc.sql("select sequence_number, payload_type, payload_revision from snapshot_event_entry"
                        + " where aggregate_identifier = ? order by sequence_number desc limit 1")
                .param(db)
                .query()
                .singleRow();
    }

    private long lastSequence(String db) {
        return jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(db)
                .query(Long.class)
                .single();
    }

    /** Current-revision events: an expand migration everywhere, its contract counterpart proposed, one release. */
    private void writeEvents(String db) {
        LegacyRows rows = new LegacyRows(jdbc);
        rows.event(db, 0, "DatabaseRegistered", "1", """
                {"database":"%s","environments":["local","ci","staging","production"]}""".formatted(db));
        rows.event(db, 1, "MigrationProposed", "2", proposed(db, "0001_add_note", "1.1.0", C1, "expand", "null"));
        rows.event(db, 2, "MigrationApproved", "1", """
                {"database":"%s","migrationId":"0001_add_note","approvedBy":"carol","role":"approver",
                 "checksum":"%s","comment":null,"approvalsRequired":1,"fullyApproved":true}""".formatted(db, C1));
        List<String> path = List.of("local", "ci", "staging", "production");
        for (int i = 0; i < path.size(); i++) {
            rows.event(db, 3 + i, "MigrationApplied", "2", """
                    {"database":"%s","migrationId":"0001_add_note","environment":"%s","checksum":"%s",
                     "startedAt":null,"durationMs":120,"tool":"flyway","runUrl":null,"violations":[]}""".formatted(db, path.get(i), C1));
        }
        rows.event(
                db,
                7,
                "MigrationProposed",
                "2",
                proposed(db, "0002_drop_note", "2.0.0", C2, "contract", "\"0001_add_note\""));
        rows.event(db, 8, "ReleaseDeployed", "1", """
                {"database":"%s","environment":"production","release":"3.1.0","schemaVersion":"1.1.0"}""".formatted(db));
    }

    private static String proposed(
            String db, String id, String version, String checksum, String category, String expandId) {
        return """
                {"database":"%s","migrationId":"%s","version":"%s","description":"d","author":"alice",
                 "proposedBy":"alice","checksum":"%s","script":null,"downScript":null,"category":"%s",
                 "breaking":false,"rollbackSafe":false,
                 "risk":{"impact":"LOW","rollbackPlan":"restore","testingEvidence":null,"estimatedRuntimeSeconds":null},
                 "verificationQueries":[],"expandMigrationId":%s,"analysis":null,"linterEvidence":[],"waiver":null}
                """.formatted(db, id, version, checksum, category, expandId);
    }

    /** The ledger of {@link #writeEvents} as a revision-1 snapshot would hold it, with a release count to spot. */
    private static String revisionOneSnapshot(int productionReleases) {
        String fact = "{\"status\":\"APPLIED\",\"checksum\":\"" + C1 + "\",\"releasesBefore\":0}";
        return """
                {"database":"oldshop","environments":["local","ci","staging","production"],
                 "migrations":[
                  {"migrationId":"0001_add_note","version":"1.1.0","checksum":"%1$s","proposedBy":"alice",
                   "category":"expand","breaking":false,"highImpact":false,"rollbackSafe":false,"hasDownScript":false,
                   "expandMigrationId":null,"status":"APPROVED","approvedChecksum":"%1$s",
                   "approvals":[{"approvedBy":"carol","role":"approver","checksum":"%1$s"}],
                   "environments" : {"local":%3$s,"staging":%3$s,"production":%3$s,"ci":%3$s}},
                  {"migrationId":"0002_drop_note","version":"2.0.0","checksum":"%2$s","proposedBy":"alice",
                   "category":"contract","breaking":false,"highImpact":false,"rollbackSafe":false,
                   "hasDownScript":false,"expandMigrationId":"0001_add_note","status":"PROPOSED",
                   "approvedChecksum":null,"approvals":[],"environments" : {}}],
                 "releasesByEnvironment":{"production":%4$d}}
                """.formatted(C1, C2, fact, productionReleases);
    }

    private static String gate(String db, String environment) {
        return "/api/v1/databases/" + db + "/environments/" + environment + "/gate";
    }
}
