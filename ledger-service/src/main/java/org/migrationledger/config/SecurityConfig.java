package org.migrationledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.migrationledger.security.BearerTokenFilter;
import org.migrationledger.security.ProblemResponses;
import org.migrationledger.security.Role;
import org.migrationledger.security.TokenFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** Bearer tokens from the operator's token file; each endpoint open to the roles of PRODUCT.md §6. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String DATABASE = "/api/v1/databases/*";
    private static final String ENVIRONMENT = DATABASE + "/environments/*";

    /**
     * The dashboard's pages load only the service's own scripts and styles and talk only to the service: no inline
     * script, no third party, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenFile tokenFile, ObjectMapper mapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(mapper);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokenFile), AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/error")
                        .permitAll()
                        // The dashboard's static files hold no data: every figure it shows comes from the API, with
                        // the token the user enters.
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(HttpMethod.PUT, DATABASE)
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                HttpMethod.POST, DATABASE + "/migrations", DATABASE + "/migrations/*/revisions")
                        .hasRole(Role.PROPOSER.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                DATABASE + "/migrations/*/approvals",
                                DATABASE + "/migrations/*/rejections")
                        .hasAnyRole(Role.APPROVER.name(), Role.DBA.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                ENVIRONMENT + "/applies",
                                ENVIRONMENT + "/rollbacks",
                                ENVIRONMENT + "/gate",
                                ENVIRONMENT + "/schema-snapshots",
                                ENVIRONMENT + "/history-imports",
                                ENVIRONMENT + "/history-repairs",
                                ENVIRONMENT + "/releases")
                        .hasRole(Role.PIPELINE.name())
                        .requestMatchers("/api/v1/audit/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**")
                        .authenticated()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
