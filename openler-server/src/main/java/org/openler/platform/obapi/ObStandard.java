package org.openler.platform.obapi;

import java.util.List;

/**
 * The two 1EdTech APIs this host serves, which share one shape (discovery, credentials, profile) and differ in their
 * path, their scopes and the kind of credential they exchange: Open Badges 3.0 (AchievementCredentials, also typed
 * OpenBadgeCredential) and the Comprehensive Learner Record 2.0 (ClrCredentials).
 */
enum ObStandard {
    OPEN_BADGES(
            "/ims/ob/v3p0",
            "https://purl.imsglobal.org/spec/ob/v3p0/scope/",
            List.of("OpenBadgeCredential", "AchievementCredential"),
            "Open Badges 3.0",
            "3.0"),
    CLR(
            "/ims/clr/v2p0",
            "https://purl.imsglobal.org/spec/clr/v2p0/scope/",
            List.of("ClrCredential"),
            "Comprehensive Learner Record 2.0",
            "2.0");

    private final String apiPath;
    private final String scopePrefix;
    private final List<String> credentialTypes;
    private final String title;
    private final String version;

    ObStandard(String apiPath, String scopePrefix, List<String> credentialTypes, String title, String version) {
        this.apiPath = apiPath;
        this.scopePrefix = scopePrefix;
        this.credentialTypes = credentialTypes;
        this.title = title;
        this.version = version;
    }

    String apiPath() {
        return apiPath;
    }

    String scopePrefix() {
        return scopePrefix;
    }

    /** A credential belongs to this API when its {@code type} names one of these. */
    List<String> credentialTypes() {
        return credentialTypes;
    }

    String title() {
        return title;
    }

    String version() {
        return version;
    }

    /** The full IRI of one of this API's four scopes. */
    String scope(ObScopes scope) {
        return scopePrefix + scope.shortName();
    }
}
