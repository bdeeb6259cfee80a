package org.migrationledger.chain;

import java.util.HexFormat;

/** The last link of a chain, or of a prefix of it: where it ends and its link hash. */
public record ChainHead(long position, byte[] hash) {

    /** The head of a chain with no events. */
    public static final ChainHead EMPTY = new ChainHead(0, CanonicalForm.GENESIS);

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }
}
