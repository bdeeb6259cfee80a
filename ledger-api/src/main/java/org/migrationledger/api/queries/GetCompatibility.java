package org.migrationledger.api.queries;

/** Asks for the rollback compatibility, the migration × environment grid and the release window of a database. */
public record GetCompatibility(String database) {}
