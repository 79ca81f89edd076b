package org.openler.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.PersonPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens a {@link LearnerScope} for a signed-in learner's requests to their own records (wallet, shares, skills
 * profile, resume, privacy center), so the database itself, not only each query's {@code where}, keeps them to that
 * learner's rows. Requests that serve a learner's records to someone else under a consent (a share link) are not
 * scoped: they are not the learner's own requests. Runs after Spring Security, which has set the authentication.
 */
final class LearnerScopeFilter extends OncePerRequestFilter {

    /** The learner's own record pages and API. */
    static final List<String> RECORD_PATHS = List.of(
            "/wallet",
            "/api/v1/wallet",
            "/api/v1/shares",
            "/api/v1/profile",
            "/privacy",
            "/api/v1/privacy",
            // matching reads the learner's skills profile: jobs, matches and pathways (/me/...)
            "/me");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RECORD_PATHS.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof PersonPrincipal person
                && person.kind() == AccountKind.LEARNER) {
            try {
                LearnerScope.as(person.accountId(), () -> {
                    try {
                        chain.doFilter(request, response);
                    } catch (IOException | ServletException e) {
                        throw new Passed(e);
                    }
                    return null;
                });
            } catch (Passed passed) {
                if (passed.getCause() instanceof IOException io) {
                    throw io;
                }
                throw (ServletException) passed.getCause();
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Carries a checked exception out of the scope's supplier. */
    private static final class Passed extends RuntimeException {
        Passed(Exception cause) {
            super(cause);
        }
    }
}
