package org.migrationledger.api.queries;

import java.util.Map;

/**
 * One migration's row of the migration × environment grid.
 *
 * @param environments environment name to {@code PENDING}, {@code APPLIED}, {@code FAILED} or {@code ROLLED_BACK}, in
 *     promotion-path order; the fleet grid also says {@code IMPORTED} or {@code UNPROPOSED} for an apply of a migration
 *     known only from imported history or from the fact itself, and {@code WITHDRAWN} or {@code SUPERSEDED} where an
 *     ended migration has not run
 */
public record GridRowView(String migrationId, String version, Map<String, String> environments) {}
