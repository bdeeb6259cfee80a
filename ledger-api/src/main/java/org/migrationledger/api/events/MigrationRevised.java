package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * The script of a proposed migration was replaced; emitted by {@code POST /databases/{db}/migrations/{id}/revisions}.
 * Approvals are bound to a checksum, so a revised migration needs fresh approval; {@code change} tells an auditor
 * whether only comments, whitespace or keyword case changed ({@code COSMETIC}) or the SQL itself ({@code SEMANTIC}).
 *
 * @param revisedBy the principal who revised it
 * @param previousChecksum the checksum it replaces
 * @param checksum SHA-256 of the new script
 * @param script the new up script; null when only the checksum is known
 * @param downScript the new down script; null when there is none
 * @param change {@code COSMETIC} or {@code SEMANTIC}
 * @param reason why the script changed
 * @param category the category after the revision
 * @param breaking whether the revised migration is breaking
 * @param rollbackSafe whether the revised migration is rollback-safe
 * @param analysis the static analysis of the new script; null when no script was given
 */
@Revision("1")
public record MigrationRevised(
        String database,
        String migrationId,
        String revisedBy,
        String previousChecksum,
        String checksum,
        String script,
        String downScript,
        String change,
        String reason,
        String category,
        boolean breaking,
        boolean rollbackSafe,
        MigrationAnalysis analysis)
        implements LedgerEvent {}
