package org.migrationledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the token file and, when configured, as a JWT of the
 * identity provider. A missing or refused token leaves the request anonymous, and the authorization rules answer 401
 * (with the reason a JWT was refused); the token itself is never logged nor echoed. A client address that failed too
 * often is answered 429 before its token is looked at.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute: why the presented token was refused, for the 401's detail. */
    static final String REFUSAL = BearerTokenFilter.class.getName() + ".refusal";

    private static final String PREFIX = "Bearer ";

    private final TokenFile tokenFile;
    private final Optional<JwtAuthentication> jwt;
    private final AuthenticationThrottle throttle;
    private final ProblemResponses problems;

    public BearerTokenFilter(
            TokenFile tokenFile,
            Optional<JwtAuthentication> jwt,
            AuthenticationThrottle throttle,
            ProblemResponses problems) {
        this.tokenFile = tokenFile;
        this.jwt = jwt;
        this.throttle = throttle;
        this.problems = problems;
    }

    /** An async read (CompletableFuture, StreamingResponseBody) is dispatched again and must stay authenticated. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        // The second dispatch of an async request was counted and checked the first time.
        boolean firstDispatch = !isAsyncDispatch(request);
        String client = request.getRemoteAddr();
        if (firstDispatch) {
            Optional<Duration> wait = throttle.blockedFor(client);
            if (wait.isPresent()) {
                problems.tooManyFailures(response, wait.get());
                return;
            }
        }
        String token = header.substring(PREFIX.length()).strip();
        Optional<TokenFile.Caller> caller = tokenFile.authenticate(token);
        if (caller.isEmpty() && jwt.isPresent() && JwtAuthentication.looksLikeJwt(token)) {
            JwtAuthentication.Outcome outcome = jwt.get().authenticate(token);
            if (outcome instanceof JwtAuthentication.Outcome.Authenticated authenticated) {
                caller = Optional.of(authenticated.caller());
            } else if (outcome instanceof JwtAuthentication.Outcome.NoRole noRole) {
                problems.noRole(response, noRole);
                return;
            } else if (outcome instanceof JwtAuthentication.Outcome.Refused refused) {
                request.setAttribute(REFUSAL, "The JWT was refused: " + refused.reason() + ".");
            }
        }
        if (caller.isPresent()) {
            List<SimpleGrantedAuthority> authorities = caller.get().roles().stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            caller.get().principal(), null, authorities));
        } else if (firstDispatch) {
            throttle.recordFailure(client);
        }
        chain.doFilter(request, response);
    }
}
