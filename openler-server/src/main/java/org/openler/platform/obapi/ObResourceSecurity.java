package org.openler.platform.obapi;

import org.openler.platform.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The resource routes of the Open Badges 3.0 and CLR 2.0 APIs take bearer tokens only: their own filter chain reads
 * no session cookie (so a forged cross-site request carries nothing that counts, and no CSRF token is needed), and
 * demands the scope each operation is defined with — {@code credential.readonly} to list credentials,
 * {@code credential.upsert} to add one, {@code profile.readonly} to read the profile, {@code profile.update} to change
 * it. Refusals are the specification's {@link ImsxStatusInfo}, not problem+json. The route handlers then act for the
 * learner the token names ({@link ObLearners}).
 */
@Configuration
class ObResourceSecurity {

    /** Before the application chain (order 2); disjoint from the authorization server's endpoints (order 1). */
    @Bean
    @Order(0)
    SecurityFilterChain openBadgesResourceChain(HttpSecurity http) throws Exception {
        String[] paths = resourcePaths();
        http.securityMatcher(paths)
                .authorizeHttpRequests(requests -> {
                    for (ObStandard standard : ObStandard.values()) {
                        String base = standard.apiPath();
                        // HEAD is answered by the GET handlers (headers such as X-Total-Count): the same scope
                        requests.requestMatchers(HttpMethod.GET, base + "/credentials")
                                .hasAuthority(authority(standard, ObScopes.CREDENTIAL_READONLY))
                                .requestMatchers(HttpMethod.HEAD, base + "/credentials")
                                .hasAuthority(authority(standard, ObScopes.CREDENTIAL_READONLY))
                                .requestMatchers(HttpMethod.HEAD, base + "/profile")
                                .hasAuthority(authority(standard, ObScopes.PROFILE_READONLY))
                                .requestMatchers(HttpMethod.POST, base + "/credentials")
                                .hasAuthority(authority(standard, ObScopes.CREDENTIAL_UPSERT))
                                .requestMatchers(HttpMethod.GET, base + "/profile")
                                .hasAuthority(authority(standard, ObScopes.PROFILE_READONLY))
                                .requestMatchers(HttpMethod.PUT, base + "/profile")
                                .hasAuthority(authority(standard, ObScopes.PROFILE_UPDATE));
                    }
                    // any other method still needs a valid token; the handler mapping then answers 405
                    requests.anyRequest().authenticated();
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden())
                        .jwt(jwt -> {}))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
        SecurityHeaders.apply(http, "default-src 'none'; frame-ancestors 'none'");
        return http.build();
    }

    static String[] resourcePaths() {
        return new String[] {
            ObStandard.OPEN_BADGES.apiPath() + "/credentials",
            ObStandard.OPEN_BADGES.apiPath() + "/profile",
            ObStandard.CLR.apiPath() + "/credentials",
            ObStandard.CLR.apiPath() + "/profile"
        };
    }

    private static String authority(ObStandard standard, ObScopes scope) {
        return "SCOPE_" + standard.scope(scope);
    }

    /** No token, or one that is unsigned, expired, revoked or unknown: 401 with the bearer challenge. */
    private static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            ImsxStatusInfo.unauthorized(
                            "A valid bearer token is required: send the access token the learner's consent gave you.")
                    .write(response);
        };
    }

    /** A good token without the operation's scope: 403 with {@code insufficient_scope}. */
    private static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            challenge.handle(request, response, exception);
            ImsxStatusInfo.forbidden("The token does not carry the scope this operation needs.")
                    .write(response);
        };
    }
}
