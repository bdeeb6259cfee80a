package org.migrationledger.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.migrationledger.upcasting.EventJson;

/**
 * The snapshot is a stored contract like the events: a fixed snapshot serialises exactly to the golden file the
 * upcasters module reads older revisions into, and it restores the state it was taken from.
 */
class SchemaLedgerSnapshotTest {

    /** Shared with the snapshot upcaster's test, which produces exactly this JSON from revision 1. */
    static final Path GOLDEN = Path.of("../upcasters/src/test/resources/snapshots/SchemaLedgerSnapshot/v3.json");

    private static final String CHECKSUM = "3b5d5c3712955042212316173ccf37be80000000000000000000000000000001";
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventJson.newObjectMapper())
            .build();

    @Test
    void carriesTheRevisionOfItsGoldenFile() {
        assertThat(SchemaLedgerSnapshot.class.getAnnotation(Revision.class).value())
                .isEqualTo("3");
        assertThat(GOLDEN).as("run the build from the repository root").exists();
    }

    @Test
    void serialisesExactlyToTheGoldenSnapshot() throws IOException {
        SerializedObject<byte[]> stored = SERIALIZER.serialize(sample(), byte[].class);

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(new String(stored.getData(), UTF_8)))
                .isEqualTo(json.readTree(Files.readString(GOLDEN)));
        assertThat(stored.getType().getRevision()).isEqualTo("3");
    }

    @Test
    void restoresTheStateItWasTakenFrom() {
        assertThat(SchemaLedger.fromSnapshot(sample()).snapshot()).isEqualTo(sample());
    }

    @Test
    void readsTheGoldenSnapshotBackAsTheSample() throws IOException {
        assertThat(SERIALIZER.getObjectMapper().readValue(Files.readString(GOLDEN), SchemaLedgerSnapshot.class))
                .isEqualTo(sample());
    }

    /**
     * A field added to the ledger's state and not to the snapshot would be lost on every load from a snapshot. This
     * pins the state's fields to what {@link SchemaLedgerSnapshot} carries.
     */
    @Test
    void coversEveryFieldOfTheLedgersState() {
        assertThat(fields(SchemaLedger.class)).containsExactlyInAnyOrder("database", "state");
        assertThat(fields(LedgerState.class))
                .as("a new LedgerState field needs a place in SchemaLedgerSnapshot: a new revision and an upcaster")
                .containsExactlyInAnyOrder(
                        "environments", "migrations", "migrationIdByVersion", "releasesByEnvironment");
        assertThat(fields(MigrationState.class))
                .containsExactlyInAnyOrder(
                        "identity", "script", "approvals", "environments", "status", "approvedChecksum");
        assertThat(java.util.stream.Stream.of(nested("Identity"), nested("Script"))
                        .flatMap(record -> java.util.Arrays.stream(record.getRecordComponents()))
                        .map(java.lang.reflect.RecordComponent::getName))
                .as("a new MigrationState field needs a place in SchemaLedgerSnapshot.Migration: a new revision and"
                        + " an upcaster")
                .containsExactlyInAnyOrder(
                        "migrationId",
                        "version",
                        "checksum",
                        "normalizedSqlHash",
                        "proposedBy",
                        "category",
                        "breaking",
                        "highImpact",
                        "rollbackSafe",
                        "hasDownScript",
                        "expandMigrationId");
        assertThat(fields(EnvironmentState.class)).containsExactlyInAnyOrder("status", "checksum", "releasesBefore");
        assertThat(fields(ApprovalState.class)).containsExactlyInAnyOrder("approvedBy", "role", "checksum");
    }

    private static Class<?> nested(String name) {
        return java.util.Arrays.stream(MigrationState.class.getDeclaredClasses())
                .filter(type -> type.getSimpleName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> fields(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields())
                .filter(field -> !java.lang.reflect.Modifier.isStatic(field.getModifiers()))
                .filter(field -> !field.isSynthetic())
                .map(java.lang.reflect.Field::getName)
                .toList();
    }

    static SchemaLedgerSnapshot sample() {
        return new SchemaLedgerSnapshot(
                "wishlist",
                List.of("local", "ci", "staging", "production"),
                List.of(
                        new SchemaLedgerSnapshot.Migration(
                                "0001_add_wish_note",
                                "1.1.0",
                                CHECKSUM,
                                null,
                                "alice",
                                "expand",
                                false,
                                false,
                                true,
                                true,
                                null,
                                "APPROVED",
                                CHECKSUM,
                                List.of(new SchemaLedgerSnapshot.Approval("carol", "approver", CHECKSUM)),
                                List.of(
                                        new SchemaLedgerSnapshot.EnvironmentFact("local", "APPLIED", CHECKSUM, 0),
                                        new SchemaLedgerSnapshot.EnvironmentFact("production", "FAILED", CHECKSUM, 1),
                                        new SchemaLedgerSnapshot.EnvironmentFact("staging", "APPLIED", CHECKSUM, 0))),
                        new SchemaLedgerSnapshot.Migration(
                                "0002_drop_legacy_note",
                                "2.0.0",
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                null,
                                "bob",
                                "contract",
                                true,
                                true,
                                false,
                                false,
                                "0001_add_wish_note",
                                "PROPOSED",
                                null,
                                List.of(),
                                List.of())),
                Map.of("production", 1));
    }
}
