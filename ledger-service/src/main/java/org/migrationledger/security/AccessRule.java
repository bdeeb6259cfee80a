package org.migrationledger.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call the paths of one rule: the roles listed, or any authenticated caller when none are, or anyone when the
 * rule is public. A null method matches every method.
 */
public record AccessRule(HttpMethod method, List<String> patterns, List<Role> roles, boolean open) {

    public AccessRule {
        patterns = List.copyOf(patterns);
        roles = List.copyOf(roles);
    }

    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return matches(HttpMethod.valueOf(request.getMethod()), path);
    }

    /** Also matches an OpenAPI path template: {@code {db}} is one segment, as {@code *} is. */
    public boolean matches(HttpMethod requestMethod, String path) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .anyMatch((PathPattern pattern) -> pattern.matches(container));
    }

    /** The roles as the token file spells them, e.g. {@code approver, dba}. */
    public List<String> roleNames() {
        return roles.stream().map(role -> role.name().toLowerCase(Locale.ROOT)).toList();
    }
}
