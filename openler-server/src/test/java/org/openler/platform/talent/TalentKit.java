package org.openler.platform.talent;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.wallet.WalletKit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The talent tests' people: learners who hold a skill (said or verified) and opt in to discovery, through the real
 * services. Each test picks a fresh skill at random, so a search for it finds only that test's learners.
 */
@Component
public class TalentKit {

    private final WalletKit wallet;
    private final SelfAssertedSkills selfAsserted;
    private final TalentDiscovery discovery;
    private final JdbcClient jdbc;

    TalentKit(WalletKit wallet, SelfAssertedSkills selfAsserted, TalentDiscovery discovery, JdbcClient jdbc) {
        this.wallet = wallet;
        this.selfAsserted = selfAsserted;
        this.discovery = discovery;
        this.jdbc = jdbc;
    }

    /** A learner and the id of the skill they said they have. */
    public record Held(Account learner, UUID skill) {}

    /** An ESCO skill picked at random. */
    public URI freshSkill() {
        return URI.create(
                jdbc.sql("select uri from skill_competency where uri like 'http://data.europa.eu/esco/skill/%'"
                                + " order by random() limit 1")
                        .query(String.class)
                        .single());
    }

    /** A new learner who says they have the skill (self-asserted), not opted in. */
    public Held learnerHolding(URI skill) {
        Account learner = wallet.fixturesForTests().learner();
        UUID id =
                selfAsserted.add(learner.id(), new SelfAssertedSkills.Input("I can do this", skill.toString(), "", ""));
        return new Held(learner, id);
    }

    public Account learnerWith(URI skill) {
        return learnerHolding(skill).learner();
    }

    /** A new learner who says they have the skill and made it searchable, anonymously. */
    public Account optedIn(URI skill) {
        Account learner = learnerWith(skill);
        discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(), List.of(skill)));
        return learner;
    }

    /** A new provider whose one achievement, so named, is aligned to the skill (a competency labelled "the skill"). */
    public WalletKit.Provider providerTeaching(String achievement, URI skill) {
        return wallet.provider(achievement, List.of(WalletKit.competency(skill, "the skill")));
    }
}
