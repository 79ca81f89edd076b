package org.openler.platform.talent;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.talent.index.SkillQuery;
import org.openler.platform.talent.index.TalentIndex;
import org.openler.platform.talent.index.TalentRanking;
import org.openler.platform.wallet.WalletKit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The talent tests' people: learners who hold a skill (said or verified) and opt in to discovery, through the real
 * services. Each test picks a fresh skill, so a search for it finds only that test's learners.
 */
@Component
public class TalentKit {

    private final WalletKit wallet;
    private final SelfAssertedSkills selfAsserted;
    private final TalentDiscovery discovery;
    private final JdbcClient jdbc;
    private final TalentIndex index;
    private final TalentHierarchy hierarchy;

    /** The skills handed out in this JVM, and every skill a search for one of them would also match. */
    private static final Set<URI> handedOut = new HashSet<>();

    private static final Set<URI> reachedByHandedOut = new HashSet<>();

    TalentKit(
            WalletKit wallet,
            SelfAssertedSkills selfAsserted,
            TalentDiscovery discovery,
            JdbcClient jdbc,
            TalentIndex index,
            TalentHierarchy hierarchy) {
        this.index = index;
        this.hierarchy = hierarchy;
        this.wallet = wallet;
        this.selfAsserted = selfAsserted;
        this.discovery = discovery;
        this.jdbc = jdbc;
    }

    /** A learner and the id of the skill they said they have. */
    public record Held(Account learner, UUID skill) {}

    /**
     * An ESCO skill picked at random that no searchable learner can match yet. A search matches the skill asked for
     * and the skills directly narrower and broader ({@link TalentHierarchy}), so a skill merely not picked before is
     * not enough: a skill next to an earlier test's skill found that test's five learners and turned an expected
     * "too-few-candidates" into "ranked" (a flaky {@code TalentSearchIT} run). So the skill and its neighbours must be
     * apart from every skill handed out in this JVM, and the index must find nobody for it (learners that other
     * classes, or earlier runs on this database, made discoverable).
     */
    public URI freshSkill() {
        for (int attempt = 0; attempt < 100; attempt++) {
            URI skill = randomEscoSkill();
            Set<URI> reached = new HashSet<>(hierarchy.narrower(skill));
            reached.addAll(hierarchy.broader(skill));
            reached.add(skill);
            synchronized (handedOut) {
                boolean apart =
                        !reachedByHandedOut.contains(skill) && reached.stream().noneMatch(handedOut::contains);
                if (apart && nobodyIndexedFor(skill)) {
                    handedOut.add(skill);
                    reachedByHandedOut.addAll(reached);
                    return skill;
                }
            }
        }
        throw new IllegalStateException("No ESCO skill is left that no searchable learner can match");
    }

    private URI randomEscoSkill() {
        return URI.create(
                jdbc.sql("select uri from skill_competency where uri like 'http://data.europa.eu/esco/skill/%'"
                                + " order by random() limit 1")
                        .query(String.class)
                        .single());
    }

    private boolean nobodyIndexedFor(URI skill) {
        MatchTarget target = new MatchTarget("fresh", List.of(new TargetSkill(skill, "fresh", 1.0, true, 0)));
        return TalentRanking.rank(index, target, SkillQuery.Filter.NONE, hierarchy, 0, 1, 1, learner -> "")
                        .total()
                == 0;
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
