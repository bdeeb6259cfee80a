package org.migrationledger.api.queries;

/** Asks for one migration with its analysis, approvals and status per environment. */
public record GetMigration(String database, String migrationId) {}
