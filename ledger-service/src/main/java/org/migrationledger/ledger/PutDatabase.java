package org.migrationledger.ledger;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a database, or replaces its promotion path. */
public record PutDatabase(@TargetAggregateIdentifier String database, List<String> environments) {}
