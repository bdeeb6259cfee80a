package org.migrationledger.api.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A database was put under change control with its ordered promotion path; emitted by the first
 * {@code PUT /databases/{db}}.
 *
 * @param environments the promotion path in order, e.g. {@code local, ci, staging, production}
 */
@Revision("1")
public record DatabaseRegistered(String database, List<String> environments) implements LedgerEvent {

    public DatabaseRegistered {
        environments = List.copyOf(environments);
    }
}
