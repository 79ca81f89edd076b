package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Send to another wallet" in a real browser: the page that explains the offer and the page that shows it (QR codes,
 * links), each checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class ExchangeBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Claims claims;

    @Autowired
    Fixtures fixtures;

    @Test
    void theSendToAnotherWalletPagesMeetWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Account learner = fixtures.learner();
        WalletKit.Provider provider = kit.provider("Tower Crane Signalling");
        Issuance.Issued issued = kit.issue(provider, learner.email().value());
        UUID held = claims.placeForDemo(learner.id(), issued.id());
        String send = "/wallet/credentials/" + held + "/send";
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(learner.email().value());
            open("/wallet/credentials/" + held + "?lang=en");
            clickAndWait(driver.findElement(By.cssSelector("main a[href$='/send']")));
            assertThat(path()).isEqualTo(send);
            for (String lang : LANGUAGES) {
                findings.check(lang, send, "send, before the offer");
                open(send + "?lang=" + lang);
                submitMainForm();
                assertThat(driver.findElement(By.id("exchange-url")).getText()).contains("/exchanges/");
                findings.checkHere(lang, "send, the offer");
            }
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("exchange pages");
    }
}
