package org.openler.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit (1 MB by default) before anything reads them, with 413 problem details.
 * Bodies without a declared length are refused too, unless small enough to be read within the limit by the
 * servlet container's own form and multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimits extends OncePerRequestFilter {

    private final long maxBytes;

    RequestLimits(@Value("${openler.limits.max-request-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            ProblemResponses.write(
                    response,
                    ProblemResponses.detail(
                            Problem.PAYLOAD_TOO_LARGE,
                            "Request bodies are limited to " + maxBytes + " bytes.",
                            List.of(),
                            request.getRequestURI()));
            return;
        }
        chain.doFilter(length < 0 ? new LimitedBodyRequest(request, maxBytes) : request, response);
    }
}
