package org.migrationledger.api.events;

import org.axonframework.serialization.Revision;

/**
 * An approver approved a proposed migration, bound to the checksum they saw; emitted by
 * {@code POST /databases/{db}/migrations/{id}/approvals}.
 *
 * @param approvedBy the approving principal (never the proposer)
 * @param role the role the approval was given in: {@code approver} or {@code dba}
 * @param checksum the script checksum this approval is bound to
 * @param comment the approver's comment; may be null
 * @param approvalsRequired how many approvals the migration's risk requires
 * @param fullyApproved whether this approval completed what the risk requires, making the migration approved
 */
@Revision("1")
public record MigrationApproved(
        String database,
        String migrationId,
        String approvedBy,
        String role,
        String checksum,
        String comment,
        int approvalsRequired,
        boolean fullyApproved)
        implements LedgerEvent {}
