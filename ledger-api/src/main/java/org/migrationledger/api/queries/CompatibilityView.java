package org.migrationledger.api.queries;

import java.util.List;

/**
 * The compatibility matrix of one database.
 *
 * @param rollbackReach for each version of the grid's page that is not rejected (in the page's order, oldest first),
 *     the oldest version safe rollbacks reach from it and the migration that blocks going further: over every page,
 *     the whole rollback compatibility in one line per version
 * @param rollback the one pair asked for with {@code from} and {@code to}; empty when none was asked (it used to hold
 *     every pair, which grows with the square of the versions)
 * @param grid one page of the migrations in version order with their status per environment
 * @param gridNext the version to pass as {@code gridAfter} for the next page; null on the last page
 * @param releases per environment: the releases observed and what the N-1 window allows
 */
public record CompatibilityView(
        String database,
        List<String> environments,
        List<RollbackReachView> rollbackReach,
        List<RollbackPairView> rollback,
        List<GridRowView> grid,
        String gridNext,
        List<ReleaseWindowView> releases) {

    public CompatibilityView {
        environments = List.copyOf(environments);
        rollbackReach = List.copyOf(rollbackReach);
        rollback = List.copyOf(rollback);
        grid = List.copyOf(grid);
        releases = List.copyOf(releases);
    }
}
