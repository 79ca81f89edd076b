package org.openler.platform.obapi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The four OAuth 2.0 scopes the Open Badges 3.0 API defines (and the CLR 2.0 API defines again under its own prefix),
 * with what the consent page says each allows.
 */
enum ObScopes {
    CREDENTIAL_READONLY(
            "credential.readonly", "Permission to read AchievementCredentials for the authenticated entity."),
    CREDENTIAL_UPSERT(
            "credential.upsert", "Permission to create or update AchievementCredentials for the authenticated entity."),
    PROFILE_READONLY("profile.readonly", "Permission to read the profile for the authenticated entity."),
    PROFILE_UPDATE("profile.update", "Permission to update the profile for the authenticated entity.");

    static final String PREFIX = ObStandard.OPEN_BADGES.scopePrefix();

    private final String name;
    private final String description;

    ObScopes(String name, String description) {
        this.name = name;
        this.description = description;
    }

    String shortName() {
        return name;
    }

    /** The Open Badges scope as it appears in tokens and requests: the full IRI, not the short name. */
    String uri() {
        return ObStandard.OPEN_BADGES.scope(this);
    }

    String description() {
        return description;
    }

    /** The Open Badges scopes as the OpenAPI {@code flows.authorizationCode.scopes} object, in spec order. */
    static Map<String, String> described() {
        return described(ObStandard.OPEN_BADGES);
    }

    /** One API's scopes as the OpenAPI {@code flows.authorizationCode.scopes} object: IRI to description. */
    static Map<String, String> described(ObStandard standard) {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (ObScopes scope : values()) {
            String text = standard == ObStandard.CLR
                    ? scope.description.replace("AchievementCredentials", "ClrCredentials")
                    : scope.description;
            scopes.put(standard.scope(scope), text);
        }
        return scopes;
    }

    /** Every scope of both APIs: what an application may register for. */
    static Set<String> all() {
        Set<String> all = new LinkedHashSet<>();
        for (ObStandard standard : ObStandard.values()) {
            all.addAll(described(standard).keySet());
        }
        return all;
    }

    /** The API and scope an IRI names, if it is one of ours. */
    record Known(ObStandard standard, ObScopes scope) {
        /** The consent page's message for it. */
        public String messageKey() {
            return "obapi.scope." + (standard == ObStandard.CLR ? "CLR_" : "") + scope.name();
        }
    }

    static Optional<Known> of(String uri) {
        for (ObStandard standard : ObStandard.values()) {
            for (ObScopes scope : values()) {
                if (standard.scope(scope).equals(uri)) {
                    return Optional.of(new Known(standard, scope));
                }
            }
        }
        return Optional.empty();
    }
}
