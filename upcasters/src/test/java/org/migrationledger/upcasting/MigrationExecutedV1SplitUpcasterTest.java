package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;

class MigrationExecutedV1SplitUpcasterTest {

    private static final String SUCCEEDED = StoredEvents.resource("stored/MigrationExecuted/v1.json");
    private static final String FAILED = StoredEvents.resource("stored/MigrationExecuted/v1-failure.json");

    private final MigrationExecutedV1SplitUpcaster upcaster = new MigrationExecutedV1SplitUpcaster();

    @Test
    void upcastsOnlyRevisionOneOfMigrationExecuted() {
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationExecutedV1SplitUpcaster.SOURCE, SUCCEEDED)))
                .isTrue();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationExecutedV1SplitUpcaster.APPLIED, SUCCEEDED)))
                .isFalse();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationExecutedV1SplitUpcaster.APPLY_FAILED, FAILED)))
                .isFalse();
    }

    @Test
    void turnsASuccessIntoRevisionOneOfMigrationApplied() {
        IntermediateEventRepresentation upcast =
                StoredEvents.upcastOne(upcaster, StoredEvents.row(MigrationExecutedV1SplitUpcaster.SOURCE, SUCCEEDED));

        assertThat(upcast.getType()).isEqualTo(MigrationExecutedV1SplitUpcaster.APPLIED);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.tree("""
                        {"database":"wishlist","migrationId":"0001_add_wish_note","environment":"Stage",
                         "checksum":"3b5d5c3712955042212316173ccf37be80000000000000000000000000000001",
                         "startedAt":"2025-03-03T14:00:00Z","tool":"flyway","runUrl":null,"violations":[]}
                        """));
    }

    @Test
    void turnsAFailureIntoTheCurrentMigrationApplyFailed() {
        IntermediateEventRepresentation split =
                StoredEvents.upcastOne(upcaster, StoredEvents.row(MigrationExecutedV1SplitUpcaster.SOURCE, FAILED));
        assertThat(split.getType()).isEqualTo(MigrationExecutedV1SplitUpcaster.APPLY_FAILED);

        // The split writes revision 1; the current record is revision 2, one upcaster further.
        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(
                new MigrationApplyFailedV1ToV2Upcaster(),
                StoredEvents.row(split.getType(), StoredEvents.json(split).toString()));
        MigrationApplyFailed expected = EventFixtures.migrationApplyFailedFromExecutedV1();
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.serialized(expected));
        assertThat(StoredEvents.payload(upcast)).isEqualTo(expected);
    }

    @Test
    void neverReadsAnUnknownOutcomeAsApplied() {
        String unknown = SUCCEEDED.replace("\"SUCCESS\"", "\"ABORTED\"");

        IntermediateEventRepresentation upcast =
                StoredEvents.upcastOne(upcaster, StoredEvents.row(MigrationExecutedV1SplitUpcaster.SOURCE, unknown));

        assertThat(upcast.getType()).isEqualTo(MigrationExecutedV1SplitUpcaster.APPLY_FAILED);
    }

    @Test
    void readsTheOldestFixtureAllTheWayToTheCurrentRecordThroughTheChain() {
        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(
                LedgerUpcasters.chain(), StoredEvents.row(MigrationExecutedV1SplitUpcaster.SOURCE, SUCCEEDED));

        MigrationApplied expected = EventFixtures.migrationAppliedFromExecutedV1();
        assertThat(upcast.getType()).isEqualTo(MigrationAppliedV1ToV2Upcaster.TARGET);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.serialized(expected));
        assertThat(StoredEvents.payload(upcast)).isEqualTo(expected);
    }
}
