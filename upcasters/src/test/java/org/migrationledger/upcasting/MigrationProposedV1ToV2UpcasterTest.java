package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationProposed;

class MigrationProposedV1ToV2UpcasterTest {

    private static final String STORED_V1 = StoredEvents.resource("stored/MigrationProposed/v1.json");

    private final MigrationProposedV1ToV2Upcaster upcaster = new MigrationProposedV1ToV2Upcaster();

    @Test
    void upcastsOnlyRevisionOneOfMigrationProposed() {
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationProposedV1ToV2Upcaster.SOURCE, STORED_V1)))
                .isTrue();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationProposedV1ToV2Upcaster.TARGET, STORED_V1)))
                .isFalse();
        assertThat(upcaster.canUpcast(StoredEvents.row(
                        new SimpleSerializedType("org.migrationledger.api.events.MigrationApplied", "1"), STORED_V1)))
                .isFalse();
    }

    @Test
    void readsRevisionOneAsTheCurrentRecordWithAnInferredCategory() {
        IntermediateEventRepresentation upcast =
                StoredEvents.upcastOne(upcaster, StoredEvents.row(MigrationProposedV1ToV2Upcaster.SOURCE, STORED_V1));

        MigrationProposed expected = EventFixtures.migrationProposedFromV1();
        assertThat(upcast.getType()).isEqualTo(MigrationProposedV1ToV2Upcaster.TARGET);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.serialized(expected));
        assertThat(StoredEvents.payload(upcast)).isEqualTo(expected);
    }

    @Test
    void leavesTheStoredJsonUntouched() {
        var stored = StoredEvents.tree(STORED_V1);

        MigrationProposedV1ToV2Upcaster.upcast(stored);

        assertThat(stored).isEqualTo(StoredEvents.tree(STORED_V1));
    }
}
