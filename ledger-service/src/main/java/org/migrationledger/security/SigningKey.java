package org.migrationledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.migrationledger.chain.ChainHead;
import org.migrationledger.chain.PublicKeys;
import org.migrationledger.chain.SignedDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs chain digests: the operator's file when configured, else a development key generated
 * once and kept in a file (owner-only) so that it survives restarts. The public half is logged at start-up and
 * served, so that an auditor can pin it.
 */
@Component
public class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final KeyPair keys;

    public SigningKey(SigningSettings settings) {
        if (settings.signingKeyFile() != null
                && !settings.signingKeyFile().toString().isBlank()) {
            keys = read(settings.signingKeyFile());
            LOG.info("Digest signing key from {}", settings.signingKeyFile());
        } else {
            Path file = settings.developmentSigningKeyFile();
            keys = Files.exists(file) ? read(file) : generate(file);
            LOG.warn(
                    "Digest signing key is a DEVELOPMENT key kept in {}; configure ledger.security.signing-key-file"
                            + " in production (docs/security.md)",
                    file.toAbsolutePath());
        }
        SignedDigest probe = SignedDigest.sign(ChainHead.EMPTY, "", "", keys.getPrivate(), keys.getPublic());
        if (!probe.signatureValidWith(keys.getPublic())) {
            throw new IllegalStateException("The signing key file's public key is not the private key's half");
        }
        LOG.info("Digest signing public key (Ed25519, key id {}):\n{}", keyId(), publicKeyPem());
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String publicKeyPem() {
        return PublicKeys.toPem(keys.getPublic());
    }

    public String keyId() {
        return SignedDigest.keyId(keys.getPublic());
    }

    private static KeyPair read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException("Signing key file " + file + " holds no '" + BEGIN + "' block");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            PrivateKey privateKey =
                    KeyFactory.getInstance(SignedDigest.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(publicKey(file, pem), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key file " + file + " holds no Ed25519 private key", e);
        }
    }

    private static PublicKey publicKey(Path file, String pem) {
        try {
            return PublicKeys.fromPem(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Signing key file " + file + " must also hold the public key: append"
                            + " it with 'openssl pkey -in " + file + " -pubout >> " + file + "'",
                    e);
        }
    }

    private static KeyPair generate(Path file) {
        try {
            KeyPair generated =
                    KeyPairGenerator.getInstance(SignedDigest.ALGORITHM).generateKeyPair();
            String pem = BEGIN + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(generated.getPrivate().getEncoded())
                    + "\n" + END + "\n" + PublicKeys.toPem(generated.getPublic());
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            ownerOnly(file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development signing key to " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no Ed25519", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
