package org.migrationledger.api.queries;

import java.util.List;

/**
 * The migrations × environments grid of one database, without the compatibility matrix's version pairs.
 *
 * @param environments the promotion path, in order
 * @param grid every migration in version order; a status per environment: {@code PENDING}, {@code APPLIED},
 *     {@code FAILED}, {@code ROLLED_BACK}, or {@code IMPORTED} for an applied migration known only from an imported
 *     history
 */
public record StatusGridView(String database, List<String> environments, List<GridRowView> grid) {

    public StatusGridView {
        environments = List.copyOf(environments);
        grid = List.copyOf(grid);
    }
}
