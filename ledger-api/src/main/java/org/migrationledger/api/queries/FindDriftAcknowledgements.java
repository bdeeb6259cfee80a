package org.migrationledger.api.queries;

/** Every acknowledgement of drift in a database, newest first, those no longer in force included. */
public record FindDriftAcknowledgements(String database) {}
