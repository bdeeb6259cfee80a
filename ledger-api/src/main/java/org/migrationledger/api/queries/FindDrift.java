package org.migrationledger.api.queries;

/** Asks for every open drift finding of a database, evaluated now. */
public record FindDrift(String database) {}
