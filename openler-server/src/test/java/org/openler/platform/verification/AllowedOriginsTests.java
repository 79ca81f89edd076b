package org.openler.platform.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTests {

    @Test
    void aBareHostAllowsHttpsOnPort443Only() {
        AllowedOrigins allowed = AllowedOrigins.of(List.of("badges.example.edu"));

        assertThat(allowed.allows(URI.create("https://badges.example.edu/a.json")))
                .isTrue();
        assertThat(allowed.allows(URI.create("https://BADGES.example.edu:443/a.json")))
                .isTrue();
        assertThat(allowed.allows(URI.create("https://badges.example.edu:8443/a.json")))
                .isFalse();
        assertThat(allowed.allows(URI.create("http://badges.example.edu/a.json")))
                .isFalse();
        assertThat(allowed.allows(URI.create("https://other.example.edu/a.json")))
                .isFalse();
    }

    @Test
    void anAllowedHostOnANonAllowedPortIsRefused() {
        AllowedOrigins allowed = AllowedOrigins.of(List.of("http://127.0.0.1:8080", "issuer.example:8443"));

        assertThat(allowed.allows(URI.create("http://127.0.0.1:8080/badge.json")))
                .isTrue();
        assertThat(allowed.allows(URI.create("http://127.0.0.1:5432/"))).isFalse();
        assertThat(allowed.allows(URI.create("http://127.0.0.1/"))).isFalse();
        assertThat(allowed.allows(URI.create("https://127.0.0.1:8080/"))).isFalse();
        assertThat(allowed.allows(URI.create("https://issuer.example:8443/x"))).isTrue();
        assertThat(allowed.allows(URI.create("https://issuer.example/x"))).isFalse();
    }

    @Test
    void userInfoAndOtherSchemesAreNeverAllowed() {
        AllowedOrigins allowed = AllowedOrigins.of(List.of("badges.example.edu"));

        assertThat(allowed.allows(URI.create("https://user@badges.example.edu/a.json")))
                .isFalse();
        assertThat(allowed.allows(URI.create("ftp://badges.example.edu/a.json")))
                .isFalse();
        assertThat(allowed.allows("not a url at all")).isFalse();
    }

    @Test
    void didWebAuthoritiesCarryThePortAndLeavePlainHttpOut() {
        AllowedOrigins allowed = AllowedOrigins.of(List.of("a.example", "b.example:8443", "http://c.example:8080"));

        assertThat(allowed.httpsAuthorities()).containsExactlyInAnyOrder("a.example", "b.example:8443");
    }

    @Test
    void anEntryThatIsNoOriginIsRefusedAtStartUp() {
        assertThatThrownBy(() -> AllowedOrigins.of(List.of("ftp://x.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
