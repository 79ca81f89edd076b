package org.openler.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every link the privacy center shows leads somewhere its reader may go: staff once followed "Ask an issuer to correct
 * a credential" (a learner's page) into a 403.
 */
@PlatformTest
class PrivacyCenterLinksIT {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)[^\"]*\"");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void staffFollowEveryLinkOfThePrivacyCenterWithoutAForbiddenPage() {
        assertEveryLinkOpens(fixtures.staff());
    }

    @Test
    void learnersFollowEveryLinkOfThePrivacyCenterIncludingTheCorrectionRequest() {
        Account learner = fixtures.learner();
        List<String> links = assertEveryLinkOpens(learner);
        assertThat(links).contains("/privacy/corrections");
    }

    private List<String> assertEveryLinkOpens(Account account) {
        WebClient browser = WebClient.on(port);
        browser.signIn(account.email().value(), Fixtures.PASSWORD);
        String page = browser.page("/privacy").body();
        // the center's own links (the layout's header and footer are the same on every page)
        String center = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        List<String> links = LINK.matcher(center)
                .results()
                .map(m -> m.group(1))
                .filter(path -> !path.startsWith("/css/") && !path.startsWith("/js/") && !path.equals("/logout"))
                .distinct()
                .toList();
        assertThat(links).isNotEmpty();
        for (String link : links) {
            assertThat(browser.page(link).statusCode()).as(link).isLessThan(400);
        }
        return links;
    }
}
