package org.migrationledger.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider of the test's own: RSA keys generated per run, JWTs signed locally with Nimbus, and the
 * service pointed at the public half through {@code ledger.security.jwt.public-key-file}.
 */
public final class TestJwts {

    public static final String ISSUER = "https://idp.test.invalid/realms/ledger";
    public static final String AUDIENCE = "migration-ledger";

    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair STRANGER = rsa();

    private TestJwts() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.jwt.public-key-file", TestJwts::publicKeyFile);
        registry.add("ledger.security.jwt.issuer", () -> ISSUER);
        registry.add("ledger.security.jwt.audience", () -> AUDIENCE);
    }

    /** A valid JWT of the provider for the subject, with the given {@code roles} claim (null: no such claim). */
    public static String valid(String subject, Object roles) {
        return sign(PROVIDER, claims(subject, roles).build());
    }

    public static String expired(String subject, Object roles) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return sign(
                PROVIDER,
                claims(subject, roles)
                        .issueTime(Date.from(issued))
                        .expirationTime(Date.from(issued.plus(Duration.ofMinutes(30))))
                        .build());
    }

    public static String wrongIssuer(String subject, Object roles) {
        return sign(
                PROVIDER,
                claims(subject, roles).issuer("https://elsewhere.test.invalid").build());
    }

    public static String wrongAudience(String subject, Object roles) {
        return sign(PROVIDER, claims(subject, roles).audience("another-app").build());
    }

    /** Well formed and claiming the right issuer, but signed by a key the service does not trust. */
    public static String wrongSignature(String subject, Object roles) {
        return sign(STRANGER, claims(subject, roles).build());
    }

    public static String withClaims(Map<String, Object> extra) {
        JWTClaimsSet.Builder builder = claims("extra", null);
        extra.forEach(builder::claim);
        return sign(PROVIDER, builder.build());
    }

    private static JWTClaimsSet.Builder claims(String subject, Object roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        if (roles != null) {
            builder.claim("roles", roles);
        }
        return builder;
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("ledger-jwt-key", ".pem");
            file.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(PROVIDER.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
