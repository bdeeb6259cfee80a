package org.migrationledger.api.events;

/**
 * The proposer's risk assessment of a migration (the seeds' risk template).
 *
 * @param impact {@code LOW}, {@code MEDIUM} or {@code HIGH}; {@code HIGH} needs the approvals of a breaking change
 * @param rollbackPlan how the change is undone or contained
 * @param testingEvidence where the migration was tested and how; may be null
 * @param estimatedRuntimeSeconds the expected run time on production data; may be null
 */
public record RiskAssessment(
        String impact, String rollbackPlan, String testingEvidence, Long estimatedRuntimeSeconds) {}
