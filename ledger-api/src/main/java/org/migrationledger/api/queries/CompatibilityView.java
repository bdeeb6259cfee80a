package org.migrationledger.api.queries;

import java.util.List;

/**
 * The compatibility matrix of one database.
 *
 * @param rollback every pair of known versions, from the newer to the older
 * @param grid every migration in version order with its status per environment
 * @param releases per environment: the releases observed and what the N-1 window allows
 */
public record CompatibilityView(
        String database,
        List<String> environments,
        List<RollbackPairView> rollback,
        List<GridRowView> grid,
        List<ReleaseWindowView> releases) {

    public CompatibilityView {
        environments = List.copyOf(environments);
        rollback = List.copyOf(rollback);
        grid = List.copyOf(grid);
        releases = List.copyOf(releases);
    }
}
