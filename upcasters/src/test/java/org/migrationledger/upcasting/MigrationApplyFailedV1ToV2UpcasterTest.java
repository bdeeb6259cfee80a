package org.migrationledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationApplyFailed;

class MigrationApplyFailedV1ToV2UpcasterTest {

    private static final String STORED_V1 = StoredEvents.resource("stored/MigrationApplyFailed/v1.json");

    private final MigrationApplyFailedV1ToV2Upcaster upcaster = new MigrationApplyFailedV1ToV2Upcaster();

    @Test
    void upcastsOnlyRevisionOneOfMigrationApplyFailed() {
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationApplyFailedV1ToV2Upcaster.SOURCE, STORED_V1)))
                .isTrue();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationApplyFailedV1ToV2Upcaster.TARGET, STORED_V1)))
                .isFalse();
        assertThat(upcaster.canUpcast(StoredEvents.row(MigrationAppliedV1ToV2Upcaster.SOURCE, STORED_V1)))
                .isFalse();
    }

    @Test
    void readsRevisionOneAsTheCurrentRecordWithNoFailedStatement() {
        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(
                upcaster, StoredEvents.row(MigrationApplyFailedV1ToV2Upcaster.SOURCE, STORED_V1));

        MigrationApplyFailed expected = new MigrationApplyFailed(
                EventFixtures.DATABASE,
                "0002_drop_legacy_note",
                "production",
                EventFixtures.CHECKSUM,
                EventFixtures.STARTED_AT,
                12_500L,
                "ERROR: canceling statement due to lock timeout",
                null,
                "flyway",
                EventFixtures.RUN_URL,
                List.of());
        assertThat(upcast.getType()).isEqualTo(MigrationApplyFailedV1ToV2Upcaster.TARGET);
        assertThat(StoredEvents.json(upcast)).isEqualTo(StoredEvents.serialized(expected));
        assertThat(StoredEvents.payload(upcast)).isEqualTo(expected);
    }
}
