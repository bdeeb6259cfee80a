package org.migrationledger.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The chain head signed with the service's Ed25519 key. What is signed is {@link #signedText()}, a fixed text an
 * auditor can rebuild from the fields, so the JSON around it may be reformatted without breaking the signature.
 *
 * @param position the global index of the last linked event
 * @param hash its link hash, lower-case hex
 * @param chainedAt when it was linked, ISO-8601
 * @param signedAt when the digest was signed, ISO-8601
 * @param keyId the first 16 hex digits of the SHA-256 of the public key (X.509 form)
 * @param signature the Ed25519 signature of {@link #signedText()}, Base64
 */
public record SignedDigest(
        long position, String hash, String chainedAt, String signedAt, String keyId, String signature) {

    public static final String ALGORITHM = "Ed25519";

    /** Signs a head with the service's key. */
    public static SignedDigest sign(ChainHead head, String chainedAt, String signedAt, PrivateKey key, PublicKey pub) {
        SignedDigest unsigned = new SignedDigest(head.position(), head.hashHex(), chainedAt, signedAt, keyId(pub), "");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return new SignedDigest(head.position(), head.hashHex(), chainedAt, signedAt, unsigned.keyId(), signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the digest with the configured Ed25519 key", e);
        }
    }

    public String signedText() {
        return "migration-ledger/digest/v1\nposition=" + position + "\nhash=" + hash + "\nchainedAt=" + chainedAt
                + "\nsignedAt=" + signedAt + "\nkeyId=" + keyId + "\n";
    }

    /** Whether the signature is the given key's over these fields; false for any malformed signature. */
    public boolean signatureValidWith(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The head this digest names; throws IllegalArgumentException when the hash is not 64 hex digits. */
    public ChainHead head() {
        if (hash == null || hash.length() != 64) {
            throw new IllegalArgumentException("hash must be 64 hexadecimal digits");
        }
        return new ChainHead(position, HexFormat.of().parseHex(hash));
    }

    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(CanonicalForm.sha256(key.getEncoded())).substring(0, 16);
    }
}
