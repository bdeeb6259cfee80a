package org.migrationledger.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKeyFile the operator's Ed25519 key for signing chain digests: a PEM file holding the private key
 *     (PKCS#8) and its public key (docs/security.md, "The signing key"); must exist when set
 * @param developmentSigningKeyFile where a generated development key is kept when no key is configured, so that
 *     digests signed before a restart still verify after it
 */
@ConfigurationProperties("ledger.security")
public record SigningSettings(
        Path signingKeyFile,
        @DefaultValue("./ledger-dev-signing-key.pem") Path developmentSigningKeyFile) {}
