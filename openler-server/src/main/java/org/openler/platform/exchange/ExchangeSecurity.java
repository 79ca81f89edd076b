package org.openler.platform.exchange;

import org.openler.platform.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The wallet-facing protocol endpoints get their own filter chain, ahead of the platform's: no session, no CSRF
 * (an external wallet has neither cookie nor form), no platform bearer tokens. Each endpoint checks its own
 * credential — the exchange id and signed presentation, the pre-authorized code, or the exchange's access token —
 * and every route still declares {@code @Access(PUBLIC)}, enforced by the access interceptor as everywhere.
 */
@Configuration
class ExchangeSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain exchangeProtocolChain(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        "/exchanges/**",
                        "/oid4vci/**",
                        "/.well-known/openid-credential-issuer",
                        "/.well-known/openid-credential-issuer/oid4vci",
                        "/.well-known/oauth-authorization-server/oid4vci")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true));
        // JSON only, never a page: nothing may load from it. HSTS and Referrer-Policy as on every other chain.
        SecurityHeaders.apply(http, "default-src 'none'; frame-ancestors 'none'");
        return http.build();
    }
}
