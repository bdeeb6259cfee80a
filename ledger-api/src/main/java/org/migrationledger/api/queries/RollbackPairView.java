package org.migrationledger.api.queries;

import java.util.List;

/**
 * Whether the schema can be rolled back from one version to an older one.
 *
 * @param reasons why not, one sentence per migration in between that blocks it; empty when safe
 */
public record RollbackPairView(String from, String to, boolean safe, List<String> reasons) {

    public RollbackPairView {
        reasons = List.copyOf(reasons);
    }
}
