package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.LedgerEvent;

/**
 * The event contract: every ledger event carries a revision, and a sample of each serialises exactly (as a JSON tree,
 * numbers' types and nulls included) to its golden file {@code events/<Event>/v<revision>.json}.
 */
class EventContractTest {

    @Test
    void everyEventCarriesARevision() {
        assertThat(events())
                .allSatisfy(event -> assertThat(event.getAnnotation(Revision.class))
                        .as("%s needs @Revision (STYLE.md §5)", event.getSimpleName())
                        .isNotNull());
    }

    @Test
    void everyEventHasASample() {
        assertThat(EventFixtures.currentSamples().keySet()).containsExactlyInAnyOrderElementsOf(events());
    }

    @Test
    void everySampleSerialisesExactlyToItsGoldenFile() {
        assertThat(events()).allSatisfy(event -> {
            String golden = goldenFile(event);
            assertThat(StoredEvents.exists(golden))
                    .as("golden file %s is missing: write it from the sample in EventFixtures", golden)
                    .isTrue();
            JsonNode expected = StoredEvents.tree(StoredEvents.resource(golden));
            JsonNode actual =
                    StoredEvents.serialized(EventFixtures.currentSamples().get(event));
            assertThat(actual)
                    .as("%s no longer serialises to %s; a changed shape needs a new revision (ADR 0003)", event, golden)
                    .isEqualTo(expected);
        });
    }

    @Test
    void everyGoldenFileReadsBackAsItsSample() {
        assertThat(events()).allSatisfy(event -> {
            Object read = StoredEvents.SERIALIZER
                    .getObjectMapper()
                    .readValue(StoredEvents.resource(goldenFile(event)), event);
            assertThat(read).isEqualTo(EventFixtures.currentSamples().get(event));
        });
    }

    static List<Class<? extends LedgerEvent>> events() {
        return Arrays.stream(LedgerEvent.class.getPermittedSubclasses())
                .<Class<? extends LedgerEvent>>map(type -> type.asSubclass(LedgerEvent.class))
                .toList();
    }

    static String revision(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    static String goldenFile(Class<?> event) {
        return "events/" + event.getSimpleName() + "/v" + revision(event) + ".json";
    }
}
