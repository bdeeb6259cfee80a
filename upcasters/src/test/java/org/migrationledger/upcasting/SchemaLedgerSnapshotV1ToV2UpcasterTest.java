package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * The snapshot record lives in the service, so this checks the JSON against the current golden snapshot, which the
 * service's {@code SchemaLedgerSnapshotTest} pins to the record.
 */
class SchemaLedgerSnapshotV1ToV2UpcasterTest {

    private static final String STORED_V1 = StoredEvents.resource("snapshots/SchemaLedgerSnapshot/v1.json");
    private static final String CURRENT_V2 = StoredEvents.resource("snapshots/SchemaLedgerSnapshot/v2.json");

    private final SchemaLedgerSnapshotV1ToV2Upcaster upcaster = new SchemaLedgerSnapshotV1ToV2Upcaster();

    @Test
    void upcastsOnlyRevisionOneOfTheLedgerSnapshot() {
        assertThat(upcaster.canUpcast(StoredEvents.row(SchemaLedgerSnapshotV1ToV2Upcaster.SOURCE, STORED_V1)))
                .isTrue();
        assertThat(upcaster.canUpcast(StoredEvents.row(SchemaLedgerSnapshotV1ToV2Upcaster.TARGET, CURRENT_V2)))
                .isFalse();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationAppliedV1ToV2Upcaster.SOURCE, STORED_V1)))
                .isFalse();
    }

    @Test
    void turnsEnvironmentFactsKeyedByEnvironmentIntoASortedList() {
        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(
                upcaster, StoredEvents.row(SchemaLedgerSnapshotV1ToV2Upcaster.SOURCE, STORED_V1));

        assertThat(upcast.getType()).isEqualTo(SchemaLedgerSnapshotV1ToV2Upcaster.TARGET);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.tree(CURRENT_V2));
    }
}
