package org.migrationledger.ledger;

import org.migrationledger.api.events.MigrationAnalysis;
import org.springframework.stereotype.Component;

/**
 * Analyses a proposed script before the proposal is sent to the aggregate. Until the SQL analysis lands (issue 5)
 * there is no analysis and the proposal's declared classification stands.
 */
@Component
class ProposalAnalysis {

    MigrationAnalysis analyse(String script, String downScript) {
        return null;
    }
}
