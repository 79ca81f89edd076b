package org.openler.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Two filter chains: the embedded OpenID provider's protocol endpoints (Spring Authorization Server), and the
 * application (pages with a session cookie, API with session or bearer token). Fine-grained access is declared on
 * each route with {@link Access}; the chains handle who you are, CSRF and headers.
 */
@Configuration
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation around every security filter, authentication and authorization decision: measured, that was a
     * timer per filter of every request (about 5 % of an API call's CPU). {@code http.server.requests} still times
     * every request, and the audit log records every security decision that matters.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, SignInGuard guard) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                    // only clients that require consent (Open Badges API applications) ever reach this page
                    server.authorizationEndpoint(endpoint -> endpoint.consentPage("/ims/ob/v3p0/consent"));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
        // Client secrets are throttled like passwords; the client authentication filter sits just after this one.
        http.addFilterBefore(
                new SignInGuardFilter(guard, SignInGuard.Channel.CLIENT_SECRET),
                AbstractPreAuthenticatedProcessingFilter.class);
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(
            HttpSecurity http, ExternalSignOn externalSignOn, SignInGuard guard, SecondFactorGate secondFactor)
            throws Exception {
        RequestMatcher bearer = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority("OPERATOR")
                        // Every other route declares its own rule with @Access, enforced before the handler runs.
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .usernameParameter("email")
                        .successHandler(secondFactor.afterPassword(continueAfterSignIn()))
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/?signedOut")
                        .deleteCookies("SESSION"))
                .oauth2ResourceServer(resource ->
                        resource.authenticationEntryPoint(problemEntryPoint()).jwt(Customizer.withDefaults()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer, publicVerification()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), ProblemResponses::wantsHtml)
                        .defaultAuthenticationEntryPointFor(problemEntryPoint(), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problemAccessDenied()));
        http.addFilterBefore(
                new SignInGuardFilter(guard, SignInGuard.Channel.PASSWORD), UsernamePasswordAuthenticationFilter.class);
        externalSignOn.configure(http, secondFactor);
        secondFactor.configure(http);
        headers(http);
        return http.build();
    }

    /**
     * Verifying a credential or presentation is public, reads no session and changes nothing: programs post to it
     * without a session or a CSRF token (VC-API). The HTML verify form keeps its CSRF token.
     */
    private static RequestMatcher publicVerification() {
        return request -> "POST".equals(request.getMethod())
                && ("/credentials/verify".equals(request.getRequestURI())
                        || "/presentations/verify".equals(request.getRequestURI())
                        // the OpenID4VP response URI: wallets post there without a session; state and nonce bind it
                        || "/oid4vp/response".equals(request.getRequestURI())
                        // skill suggestions read only the public ontology and change nothing either
                        || "/skills/suggest".equals(request.getRequestURI())
                        || "/skills/titles/suggest".equals(request.getRequestURI())
                        // Open Badges 3.0 dynamic client registration: applications register without a session
                        || "/ims/ob/v3p0/register".equals(request.getRequestURI()));
    }

    /**
     * After sign-in, go where the sign-in form said to continue (a relative path on this site only, so the parameter
     * cannot send people elsewhere); else back to what needed the sign-in (e.g. an OpenID authorization request);
     * else to the person's home.
     */
    private static AuthenticationSuccessHandler continueAfterSignIn() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/home");
        return (request, response, authentication) -> {
            String target = request.getParameter("continue");
            boolean safe = target != null
                    && target.length() <= 200
                    && target.matches("^/[A-Za-z0-9/_-]*$")
                    && !target.startsWith("//");
            if (safe) {
                response.sendRedirect(target);
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static void headers(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http, CONTENT_SECURITY_POLICY);
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, exception) -> ProblemResponses.write(
                response,
                ProblemResponses.detail(
                        Problem.UNAUTHENTICATED,
                        "Sign in, or send a valid bearer token.",
                        List.of(),
                        request.getRequestURI()));
    }

    private static AccessDeniedHandler problemAccessDenied() {
        return (request, response, exception) -> {
            if (ProblemResponses.wantsHtml(request)) {
                // CSRF failures on forms land here: send people back with a fresh page rather than a bare 403.
                request.setAttribute("jakarta.servlet.error.status_code", 403);
                request.getRequestDispatcher("/error").forward(request, response);
                return;
            }
            ProblemResponses.write(
                    response,
                    ProblemResponses.detail(
                            Problem.FORBIDDEN,
                            "Not allowed: " + exception.getMessage(),
                            List.of(),
                            request.getRequestURI()));
        };
    }

    /** Argon2id memory per hash in KiB, and passes over it: Spring Security 5.8's defaults (16 MiB, 2 passes). */
    static final int ARGON2_MEMORY_KIB = 1 << 14;

    static final int ARGON2_ITERATIONS = 2;

    /**
     * Argon2id for new hashes; the {id} prefix lets us move to a stronger KDF later without a reset. The cost can be
     * lowered by configuration for the test profile only (thousands of sign-ups and sign-ins, where this hashing was a
     * fifth of the integration tests' CPU): a hash carries its own parameters, so it is always checked with the ones
     * it was made with.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${openler.security.password-hash.memory-kib:" + ARGON2_MEMORY_KIB + "}") int memoryKib,
            @Value("${openler.security.password-hash.iterations:" + ARGON2_ITERATIONS + "}") int iterations) {
        return argon2(memoryKib, iterations);
    }

    static PasswordEncoder argon2(int memoryKib, int iterations) {
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations)));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    /**
     * Authorizations (codes, tokens, the signed-in principal) are stored as JSON. The JSON reader only instantiates
     * allow-listed types; our principal is added to Spring Security's own list, nothing more.
     */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
        JsonMapper json = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(
                        SecurityConfiguration.class.getClassLoader(),
                        BasicPolymorphicTypeValidator.builder().allowIfSubType(PersonPrincipal.class)))
                .build();
        service.setAuthorizationRowMapper(
                new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, json));
        service.setAuthorizationParametersMapper(
                new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(json));
        return service;
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(PlatformKeyStore keys) {
        return (selector, context) -> selector.select(keys.keys());
    }

    /** Tokens are verified against the same database-held keys, locally: no instance calls another. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, JdbcClient jdbc, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwkSource));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtValidators.createDefault());
        return new VerifiedTokens(decoder, new ActiveTokenValidator(jdbc), clock);
    }

    /** The issuer is the configured public URL; without one, each request's own host (fine for a single host). */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${openler.public-url:}") String publicUrl) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!publicUrl.isBlank()) {
            settings.issuer(publicUrl);
        }
        return settings.build();
    }
}
