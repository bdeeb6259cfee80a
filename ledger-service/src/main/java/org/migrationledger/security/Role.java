package org.migrationledger.security;

import java.util.Locale;
import java.util.Optional;

/** The roles of PRODUCT.md §6; a principal may hold several. */
public enum Role {
    PIPELINE,
    PROPOSER,
    APPROVER,
    DBA,
    AUDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
