package org.migrationledger.api.queries;

/** A proposed migration still waiting for the approvals its risk requires. */
public record AwaitingApprovalView(String migrationId, String version) {}
