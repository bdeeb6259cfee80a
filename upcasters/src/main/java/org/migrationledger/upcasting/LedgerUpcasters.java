package org.migrationledger.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the ledger, in chain order. Order matters where one upcaster's output is another's input: the
 * {@code MigrationExecuted} split writes {@code MigrationApplied} and {@code MigrationApplyFailed} revision 1, so it
 * must run before their revision 1 to 2 upcasters. Events and snapshots share the chain (Axon reads both through it). The service registers {@link #chain()} in exactly one place.
 */
public final class LedgerUpcasters {

    private LedgerUpcasters() {}

    public static List<EventUpcaster> all() {
        return List.of(
                new MigrationProposedV1ToV2Upcaster(),
                new MigrationExecutedV1SplitUpcaster(),
                new MigrationAppliedV1ToV2Upcaster(),
                new MigrationApplyFailedV1ToV2Upcaster(),
                new SchemaLedgerSnapshotV1ToV2Upcaster(),
                new SchemaLedgerSnapshotV2ToV3Upcaster());
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(all());
    }
}
