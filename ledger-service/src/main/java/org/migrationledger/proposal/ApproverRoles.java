package org.migrationledger.proposal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** The role an approval is given in must be one the approver holds; a dba approves as dba unless they say otherwise. */
final class ApproverRoles {

    private ApproverRoles() {}

    static String roleFor(Authentication caller, String claimed) {
        boolean dba = holds(caller, "dba");
        if (claimed == null) {
            return dba ? "dba" : "approver";
        }
        if (!holds(caller, claimed)) {
            throw new AccessDeniedException(caller.getName() + " does not hold the role " + claimed);
        }
        return claimed;
    }

    private static boolean holds(Authentication caller, String role) {
        String authority = "ROLE_" + role.toUpperCase(java.util.Locale.ROOT);
        return caller.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }
}
