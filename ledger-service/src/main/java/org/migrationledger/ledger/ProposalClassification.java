package org.migrationledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.migrationledger.analysis.Category;
import org.migrationledger.api.events.MigrationAnalysis;

/**
 * The classification a proposal is recorded with: what the proposer declared, else what the analysis found. Where the
 * declaration is weaker than the analysis, the proposal needs a waiver; approval routing always takes the stronger
 * of the two, so a waiver never lowers the approvals a breaking change needs.
 *
 * @param understatements one sentence per declared value that is weaker than the analysis; empty when none
 */
record ProposalClassification(String category, boolean breaking, boolean rollbackSafe, List<String> understatements) {

    static ProposalClassification of(ProposeMigration proposal) {
        MigrationAnalysis analysis = proposal.analysis();
        return analysis == null ? declaredOnly(proposal) : withAnalysis(proposal, analysis);
    }

    private static ProposalClassification declaredOnly(ProposeMigration proposal) {
        String category = proposal.declaredCategory();
        if (category == null) {
            throw new LedgerRuleViolation(
                    "classification-unknown",
                    LedgerRuleViolation.Refusal.INVALID,
                    "Without a script the category cannot be inferred: declare it (expand, migrate or contract).",
                    "category");
        }
        boolean breaking =
                proposal.declaredBreaking() != null ? proposal.declaredBreaking() : "contract".equals(category);
        boolean hasDown =
                proposal.downScript() != null && !proposal.downScript().isBlank();
        boolean rollbackSafe = proposal.declaredRollbackSafe() != null
                ? proposal.declaredRollbackSafe()
                : hasDown && !breaking && !"contract".equals(category);
        return new ProposalClassification(category, breaking, rollbackSafe, List.of());
    }

    private static ProposalClassification withAnalysis(ProposeMigration proposal, MigrationAnalysis analysis) {
        List<String> understatements = new ArrayList<>();
        String category = proposal.declaredCategory() != null ? proposal.declaredCategory() : analysis.category();
        if (category(category).isWeakerThan(category(analysis.category()))) {
            understatements.add(
                    "declared category '" + category + "' but the analysis found '" + analysis.category() + "'");
        }
        if (Boolean.FALSE.equals(proposal.declaredBreaking()) && analysis.breaking()) {
            understatements.add("declared non-breaking but the analysis found breaking changes");
        }
        if (Boolean.TRUE.equals(proposal.declaredRollbackSafe()) && !analysis.rollbackSafe()) {
            understatements.add("declared rollback-safe but the analysis found it is not");
        }
        boolean breaking = analysis.breaking() || Boolean.TRUE.equals(proposal.declaredBreaking());
        boolean rollbackSafe = analysis.rollbackSafe() && !Boolean.FALSE.equals(proposal.declaredRollbackSafe());
        return new ProposalClassification(category, breaking, rollbackSafe, List.copyOf(understatements));
    }

    /** The category a proposal or analysis names ({@code expand}, {@code migrate}, {@code contract}). */
    static Category category(String name) {
        return Category.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
