package org.migrationledger.api.queries;

/**
 * Asks for the structural differences between the schemas last observed in two environments of a database.
 *
 * @param from the reference environment; null to compare with the schema expected at {@code to}'s version (as first
 *     observed in the earliest environment of the promotion path that reached it)
 * @param to the environment compared with the reference
 */
public record CompareSchemas(String database, String from, String to) {}
