package org.migrationledger.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.migrationledger.api.events.PolicyViolation;

/**
 * One promotion-policy rule. The same rules judge facts (breaches are recorded as violations) and answer the gate
 * (breaches are the reasons for a refusal), so the two can never disagree.
 */
sealed interface ApplyRule
        permits MustStillBeMeant,
                MustBeApproved,
                ChecksumMustMatchApproval,
                PreviousEnvironmentFirst,
                EarlierMigrationsFirst,
                NotAlreadyApplied,
                NotRolledBackElsewhere,
                ContractAfterStabilityWindow,
                DeployerMustNotHaveDecided {

    List<ApplyRule> ALL = List.of(
            new MustStillBeMeant(),
            new MustBeApproved(),
            new ChecksumMustMatchApproval(),
            new PreviousEnvironmentFirst(),
            new EarlierMigrationsFirst(),
            new NotAlreadyApplied(),
            new NotRolledBackElsewhere(),
            new ContractAfterStabilityWindow(),
            new DeployerMustNotHaveDecided());

    Optional<PolicyViolation> check(ApplyContext context);

    static List<PolicyViolation> violations(ApplyContext context) {
        return ALL.stream()
                .map(rule -> rule.check(context))
                .flatMap(Optional::stream)
                .filter(Objects::nonNull)
                .toList();
    }
}
