package org.migrationledger.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.migrationledger.chain.BrokenLink;
import org.migrationledger.chain.ChainVerifier;
import org.migrationledger.chain.PrefixCheck;
import org.migrationledger.chain.SignedDigest;
import org.migrationledger.evidence.ChainSettings;
import org.migrationledger.evidence.ChainStore;
import org.migrationledger.evidence.ChainVerification;
import org.migrationledger.evidence.Digests;
import org.migrationledger.security.SigningKey;
import org.migrationledger.web.InvalidRequestException;
import org.migrationledger.web.ReadYourWrites;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tamper evidence of the event store: the signed chain head, the key to check it with, and verification. */
@RestController
class AuditProofController {

    private final Digests digests;
    private final ChainStore chain;
    private final ChainVerification verification;
    private final SigningKey key;
    private final ChainSettings settings;

    AuditProofController(
            Digests digests, ChainStore chain, ChainVerification verification, SigningKey key, ChainSettings settings) {
        this.digests = digests;
        this.chain = chain;
        this.verification = verification;
        this.key = key;
        this.settings = settings;
    }

    /** The signed chain head; with {@code minPosition}, once the chain has linked that write (bounded wait). */
    @Operation(
            summary = "Read the signed chain head",
            description =
                    "The head of the hash chain over every stored event (position, hash, time), signed with the service's Ed25519 key; save it to prove later that the chain still extends it.")
    @GetMapping("/api/v1/audit/digest")
    ResponseEntity<Digest> digest(@RequestParam(required = false) String minPosition) {
        long position = ReadYourWrites.position(minPosition);
        boolean linked = position < 0 || chain.awaitLinked(position, settings.awaitTimeout());
        return ReadYourWrites.withStaleness(ResponseEntity.ok(), position, linked, Digest.of(digests.current()));
    }

    @Operation(
            summary = "Read the signing public key",
            description =
                    "The public half of the key that signs digests and exports, to verify them offline with ledger verify.")
    @GetMapping("/api/v1/audit/public-key")
    PublicKeyView publicKey() {
        return new PublicKeyView(SignedDigest.ALGORITHM, key.keyId(), key.publicKeyPem());
    }

    @Operation(
            summary = "Verify the event store",
            description =
                    "Recomputes the hash chain from the event table and answers intact or the first broken link (position and kind); given an earlier signed digest, whether the current chain extends it.")
    @PostMapping("/api/v1/audit/verify")
    Verification verify(@Valid @RequestBody(required = false) VerifyRequest request) {
        SignedDigest saved = request == null || request.digest() == null
                ? null
                : request.digest().signed();
        ChainVerification.Report report = verification.verify(saved);
        return Verification.of(report);
    }

    /** A signed digest as served and as given back for verification. */
    record Digest(
            @NotNull @PositiveOrZero Long position,
            @NotBlank String hash,
            @NotBlank String chainedAt,
            @NotBlank String signedAt,
            String algorithm,
            @NotBlank String keyId,
            @NotBlank String signature) {

        static Digest of(SignedDigest digest) {
            return new Digest(
                    digest.position(),
                    digest.hash(),
                    digest.chainedAt(),
                    digest.signedAt(),
                    SignedDigest.ALGORITHM,
                    digest.keyId(),
                    digest.signature());
        }

        SignedDigest signed() {
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new InvalidRequestException(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "digest.hash",
                        "digest.hash must be 64 lower-case hexadecimal digits, as /audit/digest serves it");
            }
            return new SignedDigest(position, hash, chainedAt, signedAt, keyId, signature);
        }
    }

    record VerifyRequest(@Valid Digest digest) {}

    record PublicKeyView(String algorithm, String keyId, String pem) {}

    record Link(long position, String hash) {}

    /**
     * @param extendsDigest whether the current chain holds the digest's head (and so everything before it unchanged)
     */
    record DigestCheck(boolean signatureValid, boolean extendsDigest, PrefixCheck.Verdict verdict) {}

    record Verification(
            String status,
            long checkedEvents,
            Link lastIntactLink,
            BrokenLink brokenLink,
            DigestCheck digest,
            long durationMs) {

        static Verification of(ChainVerification.Report report) {
            ChainVerifier.Outcome outcome = report.outcome();
            DigestCheck digest = outcome.prefix() == null
                    ? null
                    : new DigestCheck(
                            report.signatureValid(), outcome.prefix() == PrefixCheck.Verdict.EXTENDS, outcome.prefix());
            return new Verification(
                    outcome.intact() ? "intact" : "broken",
                    outcome.checked(),
                    new Link(outcome.head().position(), outcome.head().hashHex()),
                    outcome.brokenLink(),
                    digest,
                    report.took().toMillis());
        }
    }
}
