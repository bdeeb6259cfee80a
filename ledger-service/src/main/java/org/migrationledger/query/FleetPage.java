package org.migrationledger.query;

import java.util.List;

/** One page of {@code GET /api/v1/databases}: {@code total} databases match, this page starts at {@code offset}. */
record FleetPage(List<FleetEntry> databases, long total, int offset, int limit) {}
