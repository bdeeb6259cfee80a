package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationApplied;

class MigrationAppliedV1ToV2UpcasterTest {

    private static final String STORED_V1 = StoredEvents.resource("stored/MigrationApplied/v1.json");

    private final MigrationAppliedV1ToV2Upcaster upcaster = new MigrationAppliedV1ToV2Upcaster();

    @Test
    void upcastsOnlyRevisionOneOfMigrationApplied() {
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationAppliedV1ToV2Upcaster.SOURCE, STORED_V1)))
                .isTrue();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationAppliedV1ToV2Upcaster.TARGET, STORED_V1)))
                .isFalse();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationExecutedV1SplitUpcaster.APPLY_FAILED, STORED_V1)))
                .isFalse();
    }

    @Test
    void readsRevisionOneAsTheCurrentRecordWithANormalisedEnvironmentAndNoDuration() {
        IntermediateEventRepresentation upcast =
                StoredEvents.upcastOne(upcaster, StoredEvents.row(MigrationAppliedV1ToV2Upcaster.SOURCE, STORED_V1));

        MigrationApplied expected = EventFixtures.migrationAppliedFromV1();
        assertThat(upcast.getType()).isEqualTo(MigrationAppliedV1ToV2Upcaster.TARGET);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.serialized(expected));
        assertThat(StoredEvents.payload(upcast)).isEqualTo(expected);
    }
}
