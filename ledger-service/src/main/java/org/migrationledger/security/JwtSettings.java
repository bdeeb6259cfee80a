package org.migrationledger.security;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OIDC/JWT bearer tokens, accepted beside the token file when a key source is set (docs/security.md, "JWT").
 *
 * @param issuer the expected {@code iss} claim; alone (no JWK set URI, no key file) it is also where the keys are
 *     discovered, through the issuer's OpenID configuration on first use
 * @param jwkSetUri the identity provider's JWK set, e.g. {@code https://idp.example/.well-known/jwks.json}
 * @param publicKeyFile a PEM file holding one RSA public key (X.509 {@code PUBLIC KEY}), for a provider without a JWK
 *     set endpoint or a test
 * @param audience when set, the {@code aud} claim must name it, so that a token the provider issued to another
 *     application is refused
 * @param rolesClaim the claim listing the ledger roles (a list or a space- or comma-separated string); dots walk into
 *     nested objects, e.g. {@code realm_access.roles}; values that are no ledger role are ignored
 * @param principalClaim the claim recorded as the principal of the events the caller writes
 */
@ConfigurationProperties("ledger.security.jwt")
public record JwtSettings(
        String issuer,
        URI jwkSetUri,
        Path publicKeyFile,
        String audience,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("sub") String principalClaim) {

    public JwtSettings {
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        if (jwkSetUri != null && jwkSetUri.toString().isBlank()) {
            jwkSetUri = null;
        }
        if (publicKeyFile != null && publicKeyFile.toString().isBlank()) {
            publicKeyFile = null;
        }
        if (jwkSetUri != null && publicKeyFile != null) {
            throw new IllegalArgumentException("ledger.security.jwt.jwk-set-uri and ledger.security.jwt.public-key-file"
                    + " are both set: configure one source of keys.");
        }
    }

    /** JWTs are accepted only when the service knows where their keys come from. */
    public boolean enabled() {
        return issuer != null || jwkSetUri != null || publicKeyFile != null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
