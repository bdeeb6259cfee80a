package org.migrationledger.api.queries;

/**
 * Asks, for the gate, which open drift blocks a rollout to one environment. Answers {@link OpenDriftView}.
 */
public record FindOpenDrift(String database, String environment) {}
