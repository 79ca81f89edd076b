package org.openler.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.sharing.ShareKit;
import org.openler.platform.sharing.Shares;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The learner's home says what is true for this learner (it once told everyone "No skills yet" and "You have not
 * shared anything"), and the learner's header leads to the wallet, skills, shares and privacy.
 */
@PlatformTest
class LearnerHomeIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ShareKit shareKit;

    @Autowired
    Shares shares;

    @Autowired
    SelfAssertedSkills skills;

    @Test
    void aNewLearnerIsToldThereIsNothingYetAndFindsEveryPartOfTheRecordInTheHeader() {
        Account learner = fixtures.learner();
        String home = home(learner);

        assertThat(home).contains("No skills yet.", "You have not shared anything.");
        assertThat(home)
                .contains(
                        "href=\"/wallet\"", "href=\"/wallet/skills\"", "href=\"/wallet/shares\"", "href=\"/privacy\"");
    }

    @Test
    void aLearnerWithASkillAndAShareIsToldSo() {
        ShareKit.Holder holder = shareKit.holder(Fixtures.unique("Home badge"));
        Account learner = holder.account();
        skills.add(learner.id(), new SelfAssertedSkills.Input(Fixtures.unique("Knot tying"), "", "", "Sailing"));
        shares.create(
                learner.id(),
                new Shares.NewShare(List.of(holder.held().get(0)), "Harbour Co", "Hiring", Optional.empty()));

        String home = home(learner);

        assertThat(home).doesNotContain("No skills yet.", "You have not shared anything.");
        assertThat(home).contains("One share is active.").containsPattern("Your record shows (one skill|\\d+ skills)");
    }

    @Test
    void staffSeeNoLearnerLinks() {
        Account staff = fixtures.staff();
        WebClient browser = WebClient.on(port);
        browser.signIn(staff.email().value(), Fixtures.PASSWORD);
        assertThat(browser.page("/privacy").body()).doesNotContain("id=\"nav-wallet\"");
    }

    private String home(Account learner) {
        WebClient browser = WebClient.on(port);
        browser.signIn(learner.email().value(), Fixtures.PASSWORD);
        var page = browser.page("/home");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
