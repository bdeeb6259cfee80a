package org.migrationledger.naming;

/** The seeds' conventions for the names of databases and environments, and for the checksum approvals bind to. */
public final class Names {

    /** Lower-case names that are safe in URLs, file names and PostgreSQL identifiers. */
    public static final String NAME = "^[a-z][a-z0-9_-]{0,62}$";

    /** A SHA-256 in hex, either case (the ledger stores it lower-case). */
    public static final String SHA256_HEX = "^[0-9a-fA-F]{64}$";

    private Names() {}
}
