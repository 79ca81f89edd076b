package org.openler.platform.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.organizations.Organization;
import org.openler.platform.privacy.Discovery;
import org.openler.platform.profile.SelfAssertedSkillId;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.talent.index.EvidenceKind;
import org.openler.platform.talent.index.SkillQuery;
import org.openler.platform.talent.index.TalentDocument;
import org.openler.platform.talent.index.TalentIndex;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The talent index follows PostgreSQL through the outbox: every change that alters what a learner made searchable
 * (discovery turned off in either place, a self-asserted skill removed, a credential revoked, the account erased)
 * reaches the index, and turning discovery off takes the learner out of results within a second. A rebuild from
 * PostgreSQL gives the same documents as following the changes.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentIndexIT {

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    WalletKit wallet;

    @Autowired
    TalentKit kit;

    @Autowired
    Wallet wallets;

    @Autowired
    SelfAssertedSkills selfAsserted;

    @Autowired
    TalentDiscovery discovery;

    @Autowired
    Discovery privacyCenter;

    @Autowired
    TalentIndex index;

    @Autowired
    TalentDocuments documents;

    @Autowired
    TalentIndexFollower follower;

    @Autowired
    CredentialStatuses statuses;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Org employer;
    WebClient employerWeb;

    @BeforeAll
    void theOntologyAndAnEmployer() {
        bundled.loadAll();
        employer = wallet.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        employerWeb = WalletKit.signedIn(port, employer.admin());
    }

    @Test
    void turningDiscoveryOffInEitherPlaceTakesTheLearnerOutOfResultsWithinASecond() {
        URI skill = kit.freshSkill();
        List<Account> cohort = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cohort.add(kit.optedIn(skill));
        }
        assertThat(found(skill)).hasSize(6);
        assertThat(TalentSearchIT.json(search(skill)).path("total").asInt()).isEqualTo(6);

        // the privacy center's switch: another feature's transaction, followed through its event into the outbox
        long started = System.nanoTime();
        privacyCenter.setDiscoverable(cohort.get(0).id(), false);
        assertThat(within(1_000, () -> !found(skill).contains(cohort.get(0).id())))
                .as("gone from the index within a second")
                .isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);

        // the learner's own setting, over HTTP: the next search already answers without them
        WebClient learnerWeb = WalletKit.signedIn(port, cohort.get(1));
        assertThat(TalentSearchIT.learnerPut(
                                learnerWeb,
                                "/me/discovery",
                                Map.of("mode", "off", "credentials", List.of(), "skills", List.of()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(found(skill)).doesNotContain(cohort.get(1).id()).hasSize(4);
        JsonNode answer = TalentSearchIT.json(search(skill));
        assertThat(answer.path("status").asString()).isEqualTo("too-few-candidates");
        assertThat(index.get(cohort.get(0).id())).isEmpty();
    }

    @Test
    void internalOnlyDiscoveryIsIndexedButNeverFoundAnonymously() {
        URI skill = kit.freshSkill();
        Account learner = kit.learnerWith(skill);
        discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.INTERNAL, List.of(), List.of(skill)));

        assertThat(index.get(learner.id()))
                .map(TalentDocument::visibility)
                .contains(TalentDocument.Visibility.INTERNAL);
        assertThat(found(skill)).doesNotContain(learner.id());
    }

    @Test
    void aSelfAssertedSkillRemovedLeavesTheLearnersDocument() {
        URI skill = kit.freshSkill();
        URI other = kit.freshSkill();
        TalentKit.Held held = kit.learnerHolding(skill);
        selfAsserted.add(held.learner().id(), new SelfAssertedSkills.Input("and this", other.toString(), "", ""));
        discovery.write(
                held.learner().id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(), List.of(skill, other)));
        assertThat(index.get(held.learner().id()).orElseThrow().skills())
                .isEqualTo(Map.of(skill, EvidenceKind.SELF_ASSERTED, other, EvidenceKind.SELF_ASSERTED));

        selfAsserted.delete(held.learner().id(), new SelfAssertedSkillId(held.skill()));

        assertThat(index.get(held.learner().id()).orElseThrow().skills())
                .isEqualTo(Map.of(other, EvidenceKind.SELF_ASSERTED));
        assertThat(found(skill)).doesNotContain(held.learner().id());
    }

    @Test
    void aRevokedCredentialNoLongerCountsAsVerifiedInTheIndex() {
        URI skill = kit.freshSkill();
        WalletKit.Provider provider = kit.providerTeaching("Index Test Certificate", skill);
        Fixtures.Org college = provider.org();
        Account learner = wallet.fixturesForTests().learner();
        UUID held = wallet.issuedAndClaimed(provider, learner, WalletKit.signedIn(port, learner));
        discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(held), List.of()));
        assertThat(index.get(learner.id()).orElseThrow().skills()).isEqualTo(Map.of(skill, EvidenceKind.VERIFIED));

        UUID issued =
                wallets.issuedHere(learner.id(), new HeldCredentialId(held)).orElseThrow();
        statuses.change(
                college.organization().id(),
                new CredentialId(issued),
                CredentialStatus.REVOKED,
                Fixtures.person(college.admin()));

        assertThat(index.get(learner.id()).orElseThrow().skills()).isEmpty();
        assertThat(found(skill)).doesNotContain(learner.id());
    }

    @Test
    void anErasedAccountLeavesTheIndexAndNothingInTheOutboxNamesIt() {
        URI skill = kit.freshSkill();
        Account learner = kit.optedIn(skill);
        discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.INTERNAL, List.of(), List.of(skill)));
        discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(), List.of(skill)));
        assertThat(found(skill)).contains(learner.id());
        String subject = index.subject(learner.id());

        WebClient web = WalletKit.signedIn(port, learner);
        assertThat(web.submit(
                                "/privacy",
                                "/privacy/delete",
                                Map.of("confirmEmail", learner.email().value()))
                        .statusCode())
                .isEqualTo(302);

        assertThat(index.get(learner.id())).isEmpty();
        assertThat(found(skill)).doesNotContain(learner.id());
        String id = learner.id().value().toString();
        List<String> rows = jdbc.sql("select seq, account_id, subject, created_at from talent_outbox")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .list();
        assertThat(rows)
                .as("no outbox row names the erased account, in any spelling")
                .noneMatch(r -> r.toLowerCase(java.util.Locale.ROOT).contains(id)
                        || r.toLowerCase(java.util.Locale.ROOT).contains(id.replace("-", "")));
        assertThat(jdbc.sql("select count(*) from talent_outbox where subject = ? and account_id is not null")
                        .param(subject)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from talent_discovery where account_id = ?")
                        .param(learner.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRebuildFromPostgresqlGivesTheDocumentsFollowingTheOutboxGave() {
        URI skill = kit.freshSkill();
        List<AccountId> learners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            learners.add(kit.optedIn(skill).id());
        }
        privacyCenter.setDiscoverable(learners.get(2), false);
        List<Optional<TalentDocument>> followed =
                learners.stream().map(index::get).toList();

        follower.rebuild();

        assertThat(learners.stream().map(index::get).toList()).isEqualTo(followed);
        assertThat(learners.stream().map(documents::of).toList()).isEqualTo(followed);
        assertThat(follower.pending()).isZero();
    }

    // --- helpers

    List<AccountId> found(URI skill) {
        return index.top(new SkillQuery(List.of(new SkillQuery.Weighted(skill, 1.0))), 50).hits().stream()
                .map(h -> h.learner())
                .toList();
    }

    static boolean within(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    java.net.http.HttpResponse<String> search(URI skill) {
        return TalentSearchIT.post(
                employerWeb,
                employer,
                "/talent/search",
                Map.of("skills", List.of(Map.of("uri", skill.toString(), "weight", 0.8))));
    }
}
