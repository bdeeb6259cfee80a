package org.migrationledger.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether facts about an environment can be recorded: the database is registered and the environment is on its
 * promotion path. Answered by the ledger itself, not a read model, so a database registered a moment ago is known; it
 * records nothing. A pipeline asks it before its first migration runs, so that a misconfiguration stops the run.
 */
public record CheckReporting(@TargetAggregateIdentifier String database, String environment) {}
