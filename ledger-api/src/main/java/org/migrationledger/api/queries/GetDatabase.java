package org.migrationledger.api.queries;

/** Asks for one database of the fleet. Answers an optional {@link DatabaseSummaryView}. */
public record GetDatabase(String database) {}
