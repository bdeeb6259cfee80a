package org.migrationledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Checks a JWT from the configured identity provider (Spring Security's Nimbus decoder: signature, expiry, issuer,
 * audience) and reads the caller's ledger roles from the configured claim. Reasons for a refusal name what is wrong
 * with the token, never its contents.
 */
public class JwtAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthentication.class);

    private final JwtDecoder decoder;
    private final JwtSettings settings;

    public JwtAuthentication(JwtSettings settings) {
        this(decoder(settings), settings);
    }

    JwtAuthentication(JwtDecoder decoder, JwtSettings settings) {
        this.decoder = decoder;
        this.settings = settings;
    }

    /** A JWS in compact form: three base64url parts, the first a JSON header ({@code eyJ} is {@code {"}). */
    public static boolean looksLikeJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }

    public Outcome authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtValidationException e) {
            return new Outcome.Refused(
                    e.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; ")));
        } catch (BadJwtException e) {
            boolean signature =
                    e.getMessage() != null && e.getMessage().toLowerCase().contains("signature");
            return new Outcome.Refused(
                    signature
                            ? "its signature does not verify with the configured keys"
                            : "it is not a JWT signed by a configured key");
        } catch (JwtException e) {
            LOG.warn(
                    "JWT keys could not be obtained from the identity provider: {}",
                    e.getClass().getSimpleName());
            return new Outcome.Refused("the identity provider's keys could not be obtained");
        }
        String principal = jwt.getClaimAsString(settings.principalClaim());
        if (principal == null || principal.isBlank()) {
            return new Outcome.Refused("it has no '" + settings.principalClaim() + "' claim naming the caller");
        }
        Set<Role> roles = roles(jwt.getClaims());
        if (roles.isEmpty()) {
            return new Outcome.NoRole(principal, settings.rolesClaim());
        }
        return new Outcome.Authenticated(new TokenFile.Caller(principal, roles));
    }

    private Set<Role> roles(Map<String, Object> claims) {
        Object value = claims;
        for (String step : settings.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> Role.parse(name).ifPresent(roles::add));
        return roles;
    }

    private static JwtDecoder decoder(JwtSettings settings) {
        if (settings.publicKeyFile() == null && settings.jwkSetUri() == null) {
            // Discovery waits for the first JWT, so that the service starts while the provider is down.
            return new SupplierJwtDecoder(() -> validated(
                    NimbusJwtDecoder.withIssuerLocation(settings.issuer()).build(), settings));
        }
        NimbusJwtDecoder decoder = settings.publicKeyFile() != null
                ? NimbusJwtDecoder.withPublicKey(publicKey(settings)).build()
                : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                        .build();
        return validated(decoder, settings);
    }

    private static NimbusJwtDecoder validated(NimbusJwtDecoder decoder, JwtSettings settings) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                settings.issuer() == null
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(settings.issuer()));
        if (settings.audience() != null) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, audience -> audience != null && audience.contains(settings.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static RSAPublicKey publicKey(JwtSettings settings) {
        try {
            String pem = Files.readString(settings.publicKeyFile(), StandardCharsets.US_ASCII);
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JWT public key file " + settings.publicKeyFile(), e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "JWT public key file " + settings.publicKeyFile()
                            + " holds no RSA public key in PEM ('-----BEGIN PUBLIC KEY-----')",
                    e);
        }
    }

    /** What a JWT proves about its bearer. */
    public sealed interface Outcome {

        record Authenticated(TokenFile.Caller caller) implements Outcome {}

        /** Valid and from the provider, but naming no ledger role: the caller is known and may do nothing. */
        record NoRole(String principal, String claim) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }
}
