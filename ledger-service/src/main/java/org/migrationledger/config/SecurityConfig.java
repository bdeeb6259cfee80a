package org.migrationledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.migrationledger.security.AccessRule;
import org.migrationledger.security.AuthenticationThrottle;
import org.migrationledger.security.BearerTokenFilter;
import org.migrationledger.security.EndpointAccess;
import org.migrationledger.security.JwtAuthentication;
import org.migrationledger.security.JwtSettings;
import org.migrationledger.security.ProblemResponses;
import org.migrationledger.security.Role;
import org.migrationledger.security.TokenFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** Bearer tokens from the operator's token file or, when configured, JWTs of an identity provider; each endpoint open to the roles {@link EndpointAccess} lists. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Spring Security would otherwise wrap every filter of its chain and every authorisation in an observation: 5 %
     * of the intake's CPU on its own, around everything a request does (docs/benchmarks.md). The HTTP request timer
     * ({@code http_server_requests}) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The dashboard's pages load only the service's own scripts and styles and talk only to the service: no inline
     * script, no third party, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            TokenFile tokenFile,
            JwtSettings jwtSettings,
            AuthenticationThrottle throttle,
            ObjectMapper mapper)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(mapper);
        Optional<JwtAuthentication> jwt =
                jwtSettings.enabled() ? Optional.of(new JwtAuthentication(jwtSettings)) : Optional.empty();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new BearerTokenFilter(tokenFile, jwt, throttle, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    EndpointAccess.RULES.forEach(rule -> authorize(requests.requestMatchers(rule::matches), rule));
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    private static void authorize(AuthorizedUrl matched, AccessRule rule) {
        if (rule.open()) {
            matched.permitAll();
        } else if (rule.roles().isEmpty()) {
            matched.authenticated();
        } else {
            matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
        }
    }
}
