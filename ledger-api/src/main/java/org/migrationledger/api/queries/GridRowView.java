package org.migrationledger.api.queries;

import java.util.Map;

/**
 * One migration's row of the migration × environment grid.
 *
 * @param environments environment name to {@code PENDING}, {@code APPLIED}, {@code FAILED} or {@code ROLLED_BACK}, in
 *     promotion-path order
 */
public record GridRowView(String migrationId, String version, Map<String, String> environments) {}
