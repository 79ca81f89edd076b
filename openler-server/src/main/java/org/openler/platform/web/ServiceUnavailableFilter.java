package org.openler.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database outage that surfaces outside a controller — in the session repository (Spring Session
 * reads and saves sessions in PostgreSQL around every request), in the security filters (token and account checks)
 * or in any other filter — becomes the same {@code 503 service-unavailable} problem with {@code Retry-After} that
 * {@link ErrorHandling} gives inside one, instead of the servlet container's 500. Anything else passes through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServiceUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            log.warn(
                    "Service unavailable on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getName());
            if (response.isCommitted()) {
                return; // the answer has gone out already (a session saved after it); nothing more can be said
            }
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(TransientFailures.RETRY_AFTER_SECONDS));
            ProblemResponses.write(
                    response,
                    ProblemResponses.detail(
                            Problem.SERVICE_UNAVAILABLE,
                            "The service is briefly unavailable. Please try again in a few seconds.",
                            List.of(),
                            request.getRequestURI()));
        }
    }
}
