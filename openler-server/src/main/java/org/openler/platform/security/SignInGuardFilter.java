package org.openler.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sits just before the filter that checks a password (the sign-in form) or a client secret ({@code /oauth2/token}):
 * asks the {@link SignInGuard} first and refuses while the name or the address must wait, then tells it whether the
 * check succeeded: for a password, from the security context the form filter leaves behind (an authenticated token on
 * success, cleared on failure); for a client secret, from the answer (only a wrong client is 401).
 */
final class SignInGuardFilter extends OncePerRequestFilter {

    private final SignInGuard guard;
    private final SignInGuard.Channel channel;

    SignInGuardFilter(SignInGuard guard, SignInGuard.Channel channel) {
        this.guard = guard;
        this.channel = channel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = "POST".equals(request.getMethod()) ? nameTried(request) : null;
        if (name == null) {
            chain.doFilter(request, response);
            return;
        }
        SignInGuard.Attempt attempt = new SignInGuard.Attempt(channel, name, String.valueOf(request.getRemoteAddr()));
        if (guard.begin(attempt) instanceof SignInGuard.Wait wait) {
            refuse(response, wait);
            return;
        }
        boolean succeeded = false;
        try {
            chain.doFilter(request, response);
            succeeded = switch (channel) {
                case PASSWORD -> {
                    Authentication result = SecurityContextHolder.getContext().getAuthentication();
                    yield result != null
                            && result.isAuthenticated()
                            && !(result instanceof AnonymousAuthenticationToken);
                }
                // The token endpoint answers a wrong client 401 (invalid_client) and nothing else 401: a right secret
                // with a bad grant is a 400 after the client was authenticated, and the context is cleared by then.
                case CLIENT_SECRET -> response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED;
            };
        } finally {
            guard.settle(attempt, succeeded);
        }
    }

    /** The name whose password or secret is about to be checked; null when this request checks none. */
    private @Nullable String nameTried(HttpServletRequest request) {
        return switch (channel) {
            case PASSWORD ->
                "/login".equals(request.getServletPath()) ? blankToNull(request.getParameter("email")) : null;
            case CLIENT_SECRET -> clientId(request);
        };
    }

    /** client_secret_basic (the Authorization header) or client_secret_post (the form's client_id and secret). */
    private static @Nullable String clientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8) : null;
            } catch (IllegalArgumentException malformed) {
                return null; // the client filter answers invalid_client itself; nothing was checked against a secret
            }
        }
        return request.getParameter("client_secret") != null ? blankToNull(request.getParameter("client_id")) : null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void refuse(HttpServletResponse response, SignInGuard.Wait wait) throws IOException {
        long seconds = Math.max(1, wait.retryAfter().toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        switch (channel) {
            case PASSWORD -> response.sendRedirect("/login?throttled");
            case CLIENT_SECRET -> {
                // An OAuth 2.0 error body, as the token endpoint speaks; 429 says "later", not "wrong".
                response.setStatus(429);
                response.setContentType("application/json");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter()
                        .write("{\"error\":\"invalid_client\",\"error_description\":\"Too many failed attempts for"
                                + " this client or from this address. Try again after the Retry-After delay.\"}");
            }
        }
    }
}
