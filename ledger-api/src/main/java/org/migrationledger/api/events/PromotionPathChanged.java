package org.migrationledger.api.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The promotion path of a registered database was replaced; emitted by a {@code PUT /databases/{db}} whose
 * environments differ from the current path. Environments that already hold facts are never dropped from a path.
 *
 * @param environments the new promotion path in order
 * @param previousEnvironments the path it replaced, so the change reads on its own in the audit trail
 */
@Revision("1")
public record PromotionPathChanged(String database, List<String> environments, List<String> previousEnvironments)
        implements LedgerEvent {

    public PromotionPathChanged {
        environments = List.copyOf(environments);
        previousEnvironments = List.copyOf(previousEnvironments);
    }
}
