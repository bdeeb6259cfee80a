package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.LedgerEvent;

/**
 * Every revision an event ever had stays readable: each older revision has a stored fixture under
 * {@code stored/<Event>/v<revision>[-case].json}, and the chain reads every stored fixture, retired types included, as
 * a current event at its current revision with exactly the current record's fields.
 */
class HistoricalRevisionsTest {

    private static final String EVENTS_PACKAGE = "org.migrationledger.api.events.";
    private static final Pattern FIXTURE = Pattern.compile("v(\\d+)(-[a-z0-9-]+)?\\.json");

    @Test
    void everyOlderRevisionHasAStoredFixture() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends LedgerEvent> event : EventContractTest.events()) {
            int current = Integer.parseInt(EventContractTest.revision(event));
            for (int revision = 1; revision < current; revision++) {
                String fixture = "stored/" + event.getSimpleName() + "/v" + revision + ".json";
                if (!StoredEvents.exists(fixture)) {
                    missing.add(fixture);
                }
            }
        }
        assertThat(missing)
                .as("every revision ever written needs a stored sample, read by a test through the upcasters")
                .isEmpty();
    }

    @Test
    void everyStoredFixtureReadsAsACurrentEventWithExactlyItsFields() {
        assertThat(storedFixtures()).isNotEmpty().allSatisfy(fixture -> {
            IntermediateEventRepresentation upcast = StoredEvents.upcastOne(LedgerUpcasters.chain(), fixture.row());
            Class<?> type = Class.forName(upcast.getType().getName());
            assertThat(type).as(fixture.path()).isIn(EventContractTest.events().toArray());
            assertThat(upcast.getType().getRevision()).as(fixture.path()).isEqualTo(EventContractTest.revision(type));
            assertThat(fieldNames(StoredEvents.json(upcast)))
                    .as("%s must read with exactly the fields of %s", fixture.path(), type.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getRecordComponents())
                            .map(java.lang.reflect.RecordComponent::getName)
                            .toList());
            assertThat(StoredEvents.payload(upcast)).as(fixture.path()).isInstanceOf(type);
        });
    }

    @Test
    void everyUpcasterIsExercisedByAStoredFixture() {
        List<StoredFixture> fixtures = new ArrayList<>(storedFixtures());
        fixtures.addAll(snapshotFixtures());
        for (EventUpcaster upcaster : LedgerUpcasters.all()) {
            assertThat(fixtures)
                    .as(
                            "%s needs a stored fixture it reads",
                            upcaster.getClass().getSimpleName())
                    .anySatisfy(fixture -> assertThat(new EventUpcasterChain(upcaster)
                                    .upcast(java.util.stream.Stream.of(fixture.row()))
                                    .toList()
                                    .get(0)
                                    .getType())
                            .isNotEqualTo(fixture.row().getType()));
        }
    }

    static List<StoredFixture> storedFixtures() {
        return fixturesUnder("stored", EVENTS_PACKAGE);
    }

    static List<StoredFixture> snapshotFixtures() {
        return fixturesUnder("snapshots", "org.migrationledger.ledger.");
    }

    private static List<StoredFixture> fixturesUnder(String root, String typePackage) {
        Path directory = StoredEvents.resourceDirectory(root);
        return StoredEvents.files(directory).stream()
                .map(file -> {
                    Matcher name = FIXTURE.matcher(file.getFileName().toString());
                    if (!name.matches()) {
                        throw new AssertionError(file + " must be named v<revision>[-case].json");
                    }
                    String type = typePackage + file.getParent().getFileName();
                    String path =
                            root + "/" + directory.relativize(file).toString().replace('\\', '/');
                    return new StoredFixture(
                            path,
                            StoredEvents.row(
                                    new SimpleSerializedType(type, name.group(1)), StoredEvents.resource(path)));
                })
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    record StoredFixture(String path, IntermediateEventRepresentation row) {}
}
