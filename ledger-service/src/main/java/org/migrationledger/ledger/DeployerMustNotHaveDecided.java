package org.migrationledger.ledger;

import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/**
 * Segregation of duties: whoever deploys a migration to production did not propose or approve it. Production is the
 * last environment of the database's promotion path. Judged on the recorded apply, whose principal is known (the gate
 * is asked before anyone deploys); like every fact, the apply is recorded with the violation, never refused.
 */
record DeployerMustNotHaveDecided() implements ApplyRule {

    static final String CODE = "SEGREGATION_OF_DUTIES";

    @Override
    public Optional<PolicyViolation> check(ApplyContext context) {
        String deployer = context.deployer();
        if (deployer == null || !context.environment().equals(context.ledger().lastEnvironment())) {
            return Optional.empty();
        }
        MigrationState migration = context.migration();
        if (deployer.equals(migration.proposedBy())) {
            return Optional.of(violation(context, "proposed"));
        }
        boolean approved = migration.approvals().stream().anyMatch(approval -> deployer.equals(approval.approvedBy()));
        return approved ? Optional.of(violation(context, "approved")) : Optional.empty();
    }

    private static PolicyViolation violation(ApplyContext context, String decision) {
        return new PolicyViolation(
                CODE,
                context.deployer() + " deployed " + context.migration().migrationId() + " to "
                        + context.environment() + " and also " + decision + " it: production deploys need another"
                        + " principal than its proposer and approvers.");
    }
}
