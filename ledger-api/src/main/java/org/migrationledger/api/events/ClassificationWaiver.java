package org.migrationledger.api.events;

/**
 * The proposer's explicit acceptance that the declared classification is weaker than the analysis found.
 *
 * @param reason why the weaker classification stands
 * @param waivedBy the principal who gave the waiver
 */
public record ClassificationWaiver(String reason, String waivedBy) {}
