package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A share's last day is shown as the learner chose it, not the day after (the moment it ends, in UTC). */
@PlatformTest
class ShareLastDayIT {

    @LocalServerPort
    int port;

    @Autowired
    ShareKit shareKit;

    @Autowired
    Shares shares;

    @Test
    void theLastDayChosenIsTheLastDayShownToTheLearnerAndTheRecipient() {
        ShareKit.Holder holder = shareKit.holder(Fixtures.unique("Dated badge"));
        LocalDate chosen = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Shares.Created created = shares.create(
                holder.account().id(),
                new Shares.NewShare(List.of(holder.held().get(0)), "Dock Co", "Hiring", Optional.of(chosen)));
        assertThat(created.share().lastDay()).isEqualTo(chosen);

        WebClient learner = WebClient.on(port);
        learner.signIn(holder.account().email().value(), Fixtures.PASSWORD);
        String page = learner.page("/wallet/shares/" + created.share().id()).body();
        assertThat(page)
                .contains("id=\"share-last-day\">" + chosen + "<")
                .doesNotContain(chosen.plusDays(1).toString());
        assertThat(learner.page("/wallet/shares").body())
                .contains(chosen.toString())
                .doesNotContain(chosen.plusDays(1).toString());

        String opened = WebClient.on(port).page("/share/" + created.token()).body();
        assertThat(opened)
                .contains("until " + chosen)
                .doesNotContain(chosen.plusDays(1).toString());
    }
}
