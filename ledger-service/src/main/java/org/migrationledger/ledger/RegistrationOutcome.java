package org.migrationledger.ledger;

import java.util.List;

/** What {@code PUT /databases/{db}} did: created the database, changed its path, or found it as requested. */
public record RegistrationOutcome(String database, List<String> environments, boolean created) {}
