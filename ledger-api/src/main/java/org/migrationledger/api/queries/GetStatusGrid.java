package org.migrationledger.api.queries;

/** Asks for a database's migrations × environments status grid. Answers an optional {@link StatusGridView}. */
public record GetStatusGrid(String database) {}
