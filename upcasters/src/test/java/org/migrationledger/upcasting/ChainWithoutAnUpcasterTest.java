package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * Removing any one upcaster from the chain changes what some stored fixture reads as, so the tests above (and the
 * service's legacy-row test, which reads the same kinds of rows) fail; reordering the split after the upcaster it
 * feeds leaves a revision-1 event behind.
 */
class ChainWithoutAnUpcasterTest {

    @Test
    void everyUpcasterChangesWhatSomeStoredRowReadsAs() {
        List<HistoricalRevisionsTest.StoredFixture> fixtures =
                new ArrayList<>(HistoricalRevisionsTest.storedFixtures());
        fixtures.addAll(HistoricalRevisionsTest.snapshotFixtures());
        List<EventUpcaster> all = LedgerUpcasters.all();
        for (int removed = 0; removed < all.size(); removed++) {
            List<EventUpcaster> rest = new ArrayList<>(all);
            String name = rest.remove(removed).getClass().getSimpleName();
            assertThat(fixtures)
                    .as("without %s some stored row must read differently", name)
                    .anySatisfy(fixture -> assertThat(read(new EventUpcasterChain(rest), fixture))
                            .isNotEqualTo(read(all, fixture)));
        }
    }

    @Test
    void theSplitMustRunBeforeTheUpcasterItFeeds() {
        List<EventUpcaster> swapped = new ArrayList<>(LedgerUpcasters.all());
        int split = indexOf(swapped, MigrationExecutedV1SplitUpcaster.class);
        int applied = indexOf(swapped, MigrationAppliedV1ToV2Upcaster.class);
        assertThat(split).isLessThan(applied);
        java.util.Collections.swap(swapped, split, applied);

        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(
                new EventUpcasterChain(swapped),
                StoredEvents.row(
                        MigrationExecutedV1SplitUpcaster.SOURCE,
                        StoredEvents.resource("stored/MigrationExecuted/v1.json")));

        assertThat(upcast.getType()).isEqualTo(MigrationExecutedV1SplitUpcaster.APPLIED);
    }

    private static String read(List<EventUpcaster> upcasters, HistoricalRevisionsTest.StoredFixture fixture) {
        return read(new EventUpcasterChain(upcasters), fixture);
    }

    private static String read(EventUpcasterChain chain, HistoricalRevisionsTest.StoredFixture fixture) {
        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(chain, fixture.row());
        return upcast.getType() + " " + StoredEvents.json(upcast);
    }

    private static int indexOf(List<EventUpcaster> upcasters, Class<?> type) {
        for (int i = 0; i < upcasters.size(); i++) {
            if (type.isInstance(upcasters.get(i))) {
                return i;
            }
        }
        throw new AssertionError(type.getSimpleName() + " is not in the chain");
    }
}
