package org.openler.platform.obapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open Badges 3.0 Service Description Document: an OpenAPI 3.0 document that tells a client application where
 * this host's API lives, where to register, and which authorization and token endpoints and scopes to use. Public,
 * because a client reads it before it has any credentials.
 */
@RestController
class ObDiscovery {

    static final String API_PATH = "/ims/ob/v3p0";

    private final PlatformUrls urls;

    ObDiscovery(PlatformUrls urls) {
        this.urls = urls;
    }

    @GetMapping(value = API_PATH + "/discovery", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, Object> discovery() {
        return document(ObStandard.OPEN_BADGES);
    }

    /** The CLR 2.0 Service Description Document: the same host, registration and authorization server. */
    @GetMapping(value = "/ims/clr/v2p0/discovery", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, Object> clrDiscovery() {
        return document(ObStandard.CLR);
    }

    private Map<String, Object> document(ObStandard standard) {
        String base = urls.base();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "OpenLER");
        info.put("description", "The learner's OpenLER wallet as a " + standard.title() + " host.");
        info.put("version", standard.version());
        info.put("termsOfService", base + "/privacy");
        info.put("x-imssf-privacyPolicyUrl", base + "/privacy");

        Map<String, Object> authorizationCode = new LinkedHashMap<>();
        // Spring Authorization Server's default endpoint paths, which SecurityConfiguration does not change.
        authorizationCode.put("authorizationUrl", base + "/oauth2/authorize");
        authorizationCode.put("tokenUrl", base + "/oauth2/token");
        authorizationCode.put("refreshUrl", base + "/oauth2/token");
        authorizationCode.put("scopes", ObScopes.described(standard));

        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("type", "oauth2");
        scheme.put(
                "description",
                "OAuth 2.0 Authorization Code Grant with PKCE, as the " + standard.title() + " API requires.");
        scheme.put("x-imssf-registrationUrl", base + ObRegistration.PATH);
        scheme.put("flows", Map.of("authorizationCode", authorizationCode));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.1");
        document.put("info", info);
        document.put("servers", List.of(Map.of("url", base + standard.apiPath(), "description", "OpenLER")));
        document.put(
                "tags",
                List.of(
                        standard == ObStandard.CLR
                                ? Map.of("name", "ClrCredentials", "description", "Exchange ClrCredentials")
                                : Map.of(
                                        "name", "OpenBadgeCredentials", "description", "Exchange OpenBadgeCredentials"),
                        Map.of("name", "Profile", "description", "The learner's profile"),
                        Map.of("name", "Discovery", "description", "This document")));
        document.put(
                "paths",
                Map.of(
                        "/credentials",
                                Map.of(
                                        "get",
                                        Map.of("operationId", "getCredentials"),
                                        "post",
                                        Map.of("operationId", "upsertCredential")),
                        "/profile",
                                Map.of(
                                        "get",
                                        Map.of("operationId", "getProfile"),
                                        "put",
                                        Map.of("operationId", "putProfile")),
                        "/discovery", Map.of("get", Map.of("operationId", "getServiceDescription"))));
        document.put("components", Map.of("securitySchemes", Map.of("OAuth2ACG", scheme)));
        return document;
    }
}
