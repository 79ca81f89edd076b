package org.openler.platform.obapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 Dynamic Client Registration (RFC 7591) as the Open Badges 3.0 API asks of a host: an application
 * registers itself, unauthenticated, and gets a client id and secret for the authorization code grant. What a
 * registered client can reach is still decided by each learner, who must consent (never skipped) and can use only
 * the Open Badges scopes; PKCE is required.
 */
@RestController
class ObRegistration {

    static final String PATH = ObDiscovery.API_PATH + "/register";

    private static final Set<String> ALLOWED_SCOPES = ObScopes.all();

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Base64StringKeyGenerator secrets =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

    ObRegistration(RegisteredClientRepository clients, PasswordEncoder passwords, Clock clock) {
        this.clients = clients;
        this.passwords = passwords;
        this.clock = clock;
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> register(@RequestBody Map<String, Object> request) {
        String name = text(request, "client_name");
        if (name.isBlank() || name.length() > 200) {
            throw PlatformException.invalid("client_name", "A client name of 1 to 200 characters is required.");
        }
        List<String> redirectUris = redirectUris(request.get("redirect_uris"));
        String scope = text(request, "scope");
        List<String> scopes = scope.isBlank()
                ? List.copyOf(ALLOWED_SCOPES)
                : List.of(scope.trim().split("\\s+"));
        for (String each : scopes) {
            if (!ALLOWED_SCOPES.contains(each)) {
                throw PlatformException.invalid(
                        "scope", "Only the Open Badges 3.0 and CLR 2.0 scopes may be registered.");
            }
        }
        String secret = secrets.generateKey();
        Instant now = clock.instant();
        RegisteredClient.Builder builder = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId("ob-" + UUID.randomUUID())
                .clientIdIssuedAt(now)
                .clientSecret(passwords.encode(secret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build());
        redirectUris.forEach(builder::redirectUri);
        scopes.forEach(builder::scope);
        RegisteredClient client = builder.build();
        clients.save(client);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("client_id", client.getClientId());
        response.put("client_secret", secret);
        response.put("client_id_issued_at", now.getEpochSecond());
        response.put("client_secret_expires_at", 0);
        response.put("client_name", name);
        response.put("redirect_uris", redirectUris);
        response.put("grant_types", List.of("authorization_code", "refresh_token"));
        response.put("response_types", List.of("code"));
        response.put("token_endpoint_auth_method", "client_secret_basic");
        response.put("scope", String.join(" ", scopes));
        return response;
    }

    private static String text(Map<String, Object> request, String field) {
        Object value = request.get(field);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String s)) {
            throw PlatformException.invalid(field, "Must be a string.");
        }
        return s;
    }

    /** At least one absolute redirect URI: HTTPS, or plain HTTP only to the local machine (native and test apps). */
    private static List<String> redirectUris(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 10) {
            throw PlatformException.invalid("redirect_uris", "One to ten redirect URIs are required.");
        }
        List<String> uris = new ArrayList<>();
        for (Object each : list) {
            if (!(each instanceof String s) || !acceptable(s)) {
                throw PlatformException.invalid(
                        "redirect_uris",
                        "Each redirect URI must be an absolute HTTPS URI"
                                + " (or HTTP to localhost) without a fragment.");
            }
            uris.add(s);
        }
        return uris;
    }

    private static boolean acceptable(String candidate) {
        try {
            URI uri = new URI(candidate);
            if (uri.getFragment() != null || uri.getHost() == null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || ("http".equals(uri.getScheme())
                            && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
