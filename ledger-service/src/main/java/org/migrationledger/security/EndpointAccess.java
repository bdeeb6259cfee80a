package org.migrationledger.security;

import static org.migrationledger.security.Role.ADMIN;
import static org.migrationledger.security.Role.APPROVER;
import static org.migrationledger.security.Role.AUDITOR;
import static org.migrationledger.security.Role.DBA;
import static org.migrationledger.security.Role.PIPELINE;
import static org.migrationledger.security.Role.PROPOSER;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * Each endpoint open to the roles of PRODUCT.md §6, in one table: SecurityConfig enforces it (first match wins), a 403
 * names the roles it lists, and the OpenAPI document shows them. A path no rule names needs only a valid token, so an
 * unknown path answers 404 and a wrong method 405; {@code ApiDocumentationIT} fails when an endpoint has no rule here.
 */
public final class EndpointAccess {

    private static final String DATABASE = "/api/v1/databases/*";
    private static final String ENVIRONMENT = DATABASE + "/environments/*";

    public static final List<AccessRule> RULES = List.of(
            open("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
            open("/error"),
            // The dashboard's static files hold no data: every figure it shows comes from the API, with the token
            // the user enters.
            open("/", "/index.html", "/dashboard/**", "/favicon.ico"),
            rule(HttpMethod.PUT, List.of(ADMIN), DATABASE),
            rule(HttpMethod.POST, List.of(PROPOSER), DATABASE + "/migrations", DATABASE + "/migrations/*/revisions"),
            rule(
                    HttpMethod.POST,
                    List.of(APPROVER, DBA),
                    DATABASE + "/migrations/*/approvals",
                    DATABASE + "/migrations/*/rejections"),
            // The aggregate lets only the migration's proposer or an admin end it.
            rule(
                    HttpMethod.POST,
                    List.of(PROPOSER, ADMIN),
                    DATABASE + "/migrations/*/withdrawal",
                    DATABASE + "/migrations/*/supersession"),
            rule(HttpMethod.POST, List.of(DBA), DATABASE + "/drift/acknowledgements"),
            rule(HttpMethod.DELETE, List.of(DBA), DATABASE + "/drift/acknowledgements/*"),
            rule(
                    HttpMethod.POST,
                    List.of(PIPELINE),
                    ENVIRONMENT + "/applies",
                    ENVIRONMENT + "/rollbacks",
                    ENVIRONMENT + "/gate",
                    ENVIRONMENT + "/schema-snapshots",
                    ENVIRONMENT + "/history-imports",
                    ENVIRONMENT + "/history-repairs",
                    ENVIRONMENT + "/releases"),
            rule(HttpMethod.GET, List.of(PIPELINE), ENVIRONMENT + "/reporting-access"),
            rule(null, List.of(AUDITOR, ADMIN), "/api/v1/audit/**"),
            rule(null, List.of(ADMIN), "/api/v1/admin/**"),
            rule(HttpMethod.GET, List.of(), "/api/v1/**"),
            rule(null, List.of(ADMIN, AUDITOR), "/actuator/**"));

    private EndpointAccess() {}

    public static Optional<AccessRule> forRequest(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matches(request)).findFirst();
    }

    public static Optional<AccessRule> forOperation(HttpMethod method, String pathTemplate) {
        return RULES.stream().filter(rule -> rule.matches(method, pathTemplate)).findFirst();
    }

    private static AccessRule rule(HttpMethod method, List<Role> roles, String... patterns) {
        return new AccessRule(method, List.of(patterns), roles, false);
    }

    private static AccessRule open(String... patterns) {
        return new AccessRule(null, List.of(patterns), List.of(), true);
    }
}
