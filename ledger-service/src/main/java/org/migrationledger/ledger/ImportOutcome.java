package org.migrationledger.ledger;

import java.util.List;
import org.migrationledger.api.events.MigrationRunImported;

/**
 * What an import recorded.
 *
 * @param imported the runs recorded, in order; empty when the ledger already held every one
 * @param alreadyRecorded how many rows the ledger had already recorded in the environment
 */
public record ImportOutcome(List<MigrationRunImported> imported, int alreadyRecorded) {

    public ImportOutcome {
        imported = List.copyOf(imported);
    }
}
