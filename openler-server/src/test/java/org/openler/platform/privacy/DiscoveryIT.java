package org.openler.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody is discoverable until they say so on the privacy center, and they can take it back; only for themselves. */
@PlatformTest
class DiscoveryIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Discovery discovery;

    @Test
    void aPersonIsNotDiscoverableUntilTheyOptInAndCanOptOutAgain() {
        Account me = fixtures.learner();
        Account other = fixtures.learner();
        assertThat(discovery.isDiscoverable(me.id())).isFalse();
        WebClient web = WebClient.on(port);
        web.signIn(me.email().value(), Fixtures.PASSWORD);
        assertThat(web.page("/privacy").body()).contains("Nobody can find you");

        assertThat(web.submit("/privacy", "/privacy/discovery", Map.of("discoverable", "true"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(discovery.isDiscoverable(me.id())).isTrue();
        assertThat(discovery.isDiscoverable(other.id())).isFalse();
        assertThat(web.page("/privacy").body()).contains("Others may find you");

        web.submit("/privacy", "/privacy/discovery", Map.of("discoverable", "false"));
        assertThat(discovery.isDiscoverable(me.id())).isFalse();
    }

    @Test
    void theNameIsCorrectedOnThePrivacyCenterAndABlankOneIsRefused() {
        Account me = fixtures.learner();
        WebClient web = WebClient.on(port);
        web.signIn(me.email().value(), Fixtures.PASSWORD);
        assertThat(web.submit("/privacy", "/privacy/name", Map.of("displayName", "  Ana María Ruiz "))
                        .statusCode())
                .isEqualTo(302);
        assertThat(web.page("/privacy").body()).contains("value=\"Ana María Ruiz\"");
        var refused = web.submit("/privacy", "/privacy/name", Map.of("displayName", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("name-errors");
    }
}
