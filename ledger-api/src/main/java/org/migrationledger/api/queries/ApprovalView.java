package org.migrationledger.api.queries;

import java.time.Instant;

/** One approval of a migration, bound to the checksum it approved. */
public record ApprovalView(
        String approvedBy,
        String role,
        String checksum,
        String comment,
        Instant approvedAt,
        int approvalsRequired,
        boolean fullyApproved) {}
