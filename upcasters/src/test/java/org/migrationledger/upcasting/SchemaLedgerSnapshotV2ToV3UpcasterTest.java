package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Revision 2 of the ledger snapshot (the golden file of its time) reads as revision 3, hash unknown. */
class SchemaLedgerSnapshotV2ToV3UpcasterTest {

    private static final String STORED_V2 = StoredEvents.resource("snapshots/SchemaLedgerSnapshot/v2.json");
    private static final String CURRENT_V3 = StoredEvents.resource("snapshots/SchemaLedgerSnapshot/v3.json");

    private final SchemaLedgerSnapshotV2ToV3Upcaster upcaster = new SchemaLedgerSnapshotV2ToV3Upcaster();

    @Test
    void upcastsOnlyRevisionTwoOfTheLedgerSnapshot() {
        assertThat(upcaster.canUpcast(StoredEvents.row(SchemaLedgerSnapshotV2ToV3Upcaster.SOURCE, STORED_V2)))
                .isTrue();
        assertThat(upcaster.canUpcast(StoredEvents.row(SchemaLedgerSnapshotV2ToV3Upcaster.TARGET, CURRENT_V3)))
                .isFalse();
        assertThat(upcaster.canUpcast(StoredEvents.row(SchemaLedgerSnapshotV1ToV2Upcaster.SOURCE, STORED_V2)))
                .isFalse();
    }

    @Test
    void addsAnUnknownNormalisedHashToEveryMigration() {
        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(
                upcaster, StoredEvents.row(SchemaLedgerSnapshotV2ToV3Upcaster.SOURCE, STORED_V2));

        assertThat(upcast.getType()).isEqualTo(SchemaLedgerSnapshotV2ToV3Upcaster.TARGET);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.tree(CURRENT_V3));
    }
}
