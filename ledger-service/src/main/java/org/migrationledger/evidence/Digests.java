package org.migrationledger.evidence;

import java.time.Clock;
import java.time.Instant;
import org.migrationledger.chain.ChainHead;
import org.migrationledger.chain.SignedDigest;
import org.migrationledger.security.SigningKey;
import org.springframework.stereotype.Component;

/** Signs the chain's current head with the service's key. */
@Component
public class Digests {

    private final ChainStore chain;
    private final SigningKey key;
    private final Clock clock;

    Digests(ChainStore chain, SigningKey key, Clock clock) {
        this.chain = chain;
        this.key = key;
        this.clock = clock;
    }

    /** The signed head; an empty chain's head is position 0 with the genesis hash. */
    public SignedDigest current() {
        ChainStore.Head head = chain.head().orElse(new ChainStore.Head(0, ChainHead.EMPTY.hash(), Instant.EPOCH));
        return SignedDigest.sign(
                head.chainHead(),
                head.chainedAt().toString(),
                clock.instant().toString(),
                key.privateKey(),
                key.publicKey());
    }

    public boolean signedByThisService(SignedDigest digest) {
        return digest.signatureValidWith(key.publicKey());
    }
}
