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
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** Bearer tokens from the operator's token file; each endpoint open to the roles of PRODUCT.md §6. */
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

    private static final String DATABASE = "/api/v1/databases/*";
    private static final String ENVIRONMENT = DATABASE + "/environments/*";

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenFile tokenFile, ObjectMapper mapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(mapper);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokenFile), AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/error")
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
