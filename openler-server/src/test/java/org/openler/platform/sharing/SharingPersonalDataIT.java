package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.privacy.Consent;
import org.openler.platform.privacy.IdMap;
import org.openler.platform.privacy.PersonalData;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The sharing section of the privacy contract: summary, export, restore, accesses, consents, and before deletion. */
@PlatformTest
class SharingPersonalDataIT {

    @LocalServerPort
    int port;

    @Autowired
    ShareKit kit;

    @Autowired
    List<PersonalData> sections;

    @Autowired
    Shares shares;

    PersonalData sharing() {
        return sections.stream()
                .filter(s -> s.section().equals("sharing"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anExportedShareComesBackEndedInAFreshAccountPointingAtTheNewCredentialsWithItsHistory() {
        ShareKit.Holder holder = kit.holder("Forklift Basics", "Crane Operation");
        WebClient web = ShareKit.signedIn(port, holder.account());
        ShareKit.Made active = ShareKit.share(web, holder.held(), "Acme Corp HR");
        ShareKit.Made revoked = ShareKit.share(web, List.of(holder.held().get(1)), "Beta Ltd");
        WebClient.on(port).page(active.path());
        WebClient.on(port).get(active.path() + "/presentation", "*/*");
        ShareKit.postJson(web, "/api/v1/shares/" + revoked.id() + "/revoke", "");

        assertThat(sharing().restoreOrder()).isEqualTo(20);
        assertThat(sharing().summary(holder.account().id()))
                .extracting(item -> item.messageKey() + "=" + item.count())
                .containsExactly("privacy.sharing.shares=2", "privacy.sharing.accesses=2");
        JsonNode exported = sharing().export(holder.account().id());
        assertThat(exported.path("shares")).hasSize(2);

        Account fresh = kit.fixtures.learner();
        // what the wallet's own restore does first: the same credentials, under new ids in the fresh account
        UUID newIssued = kit.claims.placeForDemo(fresh.id(), holder.issued().id());
        UUID newCrane = kit.imports
                .importFile(
                        org.openler.platform.support.Fixtures.person(fresh),
                        kit.wallet(holder, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get(0);
        IdMap ids = new IdMap();
        ids.put("wallet", holder.held().get(0).toString(), newIssued);
        ids.put("wallet", holder.held().get(1).toString(), newCrane);

        sharing().restore(fresh.id(), exported, ids);

        List<Share> restored = shares.list(fresh.id());
        assertThat(restored).hasSize(2);
        assertThat(restored)
                .extracting(Share::status)
                .as("restored shares are ended: their links cannot open")
                .containsOnly(Share.Status.REVOKED);
        Share acme = restored.stream()
                .filter(s -> s.party().equals("Acme Corp HR"))
                .findFirst()
                .orElseThrow();
        assertThat(acme.items()).extracting(Share.Item::credentialId).containsExactly(newIssued, newCrane);
        assertThat(acme.items())
                .extracting(Share.Item::credentialName)
                .containsExactly("Forklift Basics", "Crane Operation");
        assertThat(shares.accesses(fresh.id(), new ShareId(acme.id())))
                .extracting(a -> a.kind().name() + "/" + a.partyKind().name())
                .containsExactly("DOWNLOADED/ANONYMOUS", "OPENED/ANONYMOUS");
        assertThat(sharing().accesses(fresh.id())).hasSize(2);
        assertThat(sharing().accesses(fresh.id()).get(0).what()).contains("Acme Corp HR", "Forklift Basics");
    }

    @Test
    void eachShareIsAConsentAndDeletionWithdrawsThemAll() {
        ShareKit.Holder holder = kit.holder("Rope Access");
        WebClient web = ShareKit.signedIn(port, holder.account());
        ShareKit.Made first = ShareKit.share(web, holder.held(), "Acme Corp HR");
        ShareKit.Made second = ShareKit.share(web, holder.held(), "Beta Ltd");
        ShareKit.postJson(web, "/api/v1/shares/" + second.id() + "/revoke", "");

        List<Consent> consents = sharing().consents(holder.account().id());

        assertThat(consents).hasSize(2);
        Consent beta = consents.get(0);
        assertThat(beta.party()).isEqualTo("Beta Ltd");
        assertThat(beta.purpose()).isEqualTo("Hiring for the night shift");
        assertThat(beta.scope()).isEqualTo("Rope Access");
        assertThat(beta.until()).isNotNull();
        assertThat(beta.withdrawnAt()).isNotNull();
        assertThat(consents.get(1).withdrawnAt()).isNull();

        sharing().beforeDeletion(holder.account().id());

        assertThat(shares.list(holder.account().id())).extracting(Share::status).containsOnly(Share.Status.REVOKED);
        assertThat(WebClient.on(port).page(first.path()).statusCode()).isIn(404, 410);
    }

    @Test
    void aMalformedSectionIsRefusedWithAReason() {
        Account fresh = kit.fixtures.learner();
        JsonNode bad = ShareKit.JSON.readTree("{\"shares\": [{\"party\": \"Acme\", \"purpose\": \"x\","
                + " \"createdAt\": \"yesterday\", \"expiresAt\": \"2030-01-01T00:00:00Z\", \"credentials\": []}]}");
        assertThatThrownBy(() -> sharing().restore(fresh.id(), bad, new IdMap()))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> assertThat(e.fieldErrors().get(0).message()).contains("ISO-8601"));
        assertThatThrownBy(() -> sharing().restore(fresh.id(), ShareKit.JSON.readTree("{}"), new IdMap()))
                .isInstanceOf(PlatformException.class);
    }
}
