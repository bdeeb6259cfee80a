package org.migrationledger.web;

/**
 * A decision the ledger refused (a 409), published as a Spring application event when the refusal is answered. A
 * refusal stores no ledger event, so whoever must hear of it (webhooks) listens here.
 *
 * @param database the database of the request path; null when the path names none
 * @param migrationId the migration of the request path; null when the path names none
 * @param principal who asked; null when unauthenticated
 */
public record DecisionRefused(
        String method,
        String path,
        String database,
        String migrationId,
        String principal,
        String problemType,
        String detail) {}
