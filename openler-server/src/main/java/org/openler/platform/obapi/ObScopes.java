package org.openler.platform.obapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** The four OAuth 2.0 scopes the Open Badges 3.0 API defines, with what the consent page says each allows. */
enum ObScopes {
    CREDENTIAL_READONLY(
            "credential.readonly", "Permission to read AchievementCredentials for the authenticated entity."),
    CREDENTIAL_UPSERT(
            "credential.upsert", "Permission to create or update AchievementCredentials for the authenticated entity."),
    PROFILE_READONLY("profile.readonly", "Permission to read the profile for the authenticated entity."),
    PROFILE_UPDATE("profile.update", "Permission to update the profile for the authenticated entity.");

    static final String PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/scope/";

    private final String name;
    private final String description;

    ObScopes(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The scope as it appears in tokens and requests: the full IRI, not the short name. */
    String uri() {
        return PREFIX + name;
    }

    String description() {
        return description;
    }

    /** The scopes as the OpenAPI {@code flows.authorizationCode.scopes} object: IRI to description, in spec order. */
    static Map<String, String> described() {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (ObScopes scope : values()) {
            scopes.put(scope.uri(), scope.description());
        }
        return scopes;
    }
}
