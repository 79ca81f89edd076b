package org.openler.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The response headers every filter chain sends, so that a chain of its own (the external-wallet protocols, say)
 * cannot forget one: a Content-Security-Policy, HSTS, Referrer-Policy, frame denial, and Spring Security's defaults
 * ({@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store} unless a route sets its own caching).
 */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    public static void apply(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                // HSTS on every response, not only secure ones: behind a TLS-terminating proxy the app sees http.
                .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .includeSubDomains(true)
                        .maxAgeInSeconds(31_536_000))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny()));
    }
}
