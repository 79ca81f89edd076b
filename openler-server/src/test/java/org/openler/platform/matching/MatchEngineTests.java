package org.openler.platform.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scoring formula on small hand-made records, and its promises checked over many random ones. */
class MatchEngineTests {

    static URI skill(String name) {
        return URI.create("https://skills.example.org/" + name);
    }

    static TargetSkill need(String name, double weight) {
        return new TargetSkill(skill(name), name, weight, true, 0);
    }

    static Evidence verified(String name, String credential) {
        return new Evidence(
                skill(name),
                name,
                List.of(new Evidence.Source.Verified(UUID.randomUUID(), credential, "Demo College", skill(name))),
                0);
    }

    static Evidence selfAsserted(String name) {
        return new Evidence(
                skill(name), name, List.of(new Evidence.Source.SelfAsserted(UUID.randomUUID(), "I can " + name)), 0);
    }

    static final MatchTarget NURSE =
            new MatchTarget("Nurse", List.of(need("care", 1.0), need("triage", 0.5), need("charting", 0.5)));

    @Test
    void aWorkActivityIsReachedInPartThroughASkillItDrawsOnHeldItselfButNotThroughItsNeighbours() {
        TargetSkill activity = new TargetSkill(
                skill("record-histories"),
                "Record patient medical histories.",
                1.0,
                false,
                0,
                List.of(skill("writing"), skill("active-listening")));
        MatchTarget job = new MatchTarget("Nurse", List.of(need("care", 1.0), activity));

        LearnerRecord writer = LearnerRecord.of(List.of(verified("writing", "Clinical Writing")), List.of());
        MatchEngine.Match match = MatchEngine.match(job, writer);
        MatchEngine.RequirementMatch reached = match.requirements().get(1);
        assertThat(reached.coverage()).isEqualTo(Relation.WORK_ACTIVITY.credit());
        assertThat(reached.met()).isFalse();
        assertThat(reached.basis().orElseThrow().relation()).isEqualTo(Relation.WORK_ACTIVITY);
        assertThat(match.exact()).isCloseTo(100 * 0.4 / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(match.gaps()).extracting(MatchEngine.Gap::kind).contains(MatchEngine.GapKind.PARTIAL);

        assertThat(MatchEngine.exact(job, LearnerRecord.empty()))
                .as("without the credential, nothing reaches the activity")
                .isZero();
        LearnerRecord sibling = LearnerRecord.of(
                List.of(verified("speaking", "Speech")),
                List.of(new Neighbour(skill("speaking"), skill("active-listening"), Relation.SIBLING)));
        assertThat(MatchEngine.exact(job, sibling))
                .as("a neighbour of a linked skill is two steps away and does not count")
                .isZero();
        LearnerRecord self = LearnerRecord.of(List.of(selfAsserted("active-listening")), List.of());
        assertThat(MatchEngine.match(job, self).requirements().get(1).coverage())
                .isEqualTo(Relation.WORK_ACTIVITY.credit() * MatchEngine.SELF_ASSERTED);
    }

    @Test
    void aLearnerWithEveryRequirementVerifiedScoresAHundred() {
        LearnerRecord record = LearnerRecord.of(
                List.of(verified("care", "RN"), verified("triage", "RN"), verified("charting", "EHR")), List.of());
        MatchEngine.Match match = MatchEngine.match(NURSE, record);
        assertThat(match.score()).isEqualTo(100);
        assertThat(match.gaps()).isEmpty();
        assertThat(match.requirements()).allMatch(MatchEngine.RequirementMatch::met);
    }

    @Test
    void eachRequirementEarnsItsShareOfTheWeightAndThePointsAddUpToTheScore() {
        LearnerRecord record = LearnerRecord.of(List.of(verified("care", "RN")), List.of());
        MatchEngine.Match match = MatchEngine.match(NURSE, record);
        assertThat(match.score()).isEqualTo(50);
        assertThat(match.requirements().stream()
                        .mapToDouble(MatchEngine.RequirementMatch::points)
                        .sum())
                .isCloseTo(match.exact(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MatchEngine.score(NURSE, record)).isEqualTo(match.score());
    }

    @Test
    void selfAssertedSkillsCountHalfAndAreLabelledAsGapsToVerify() {
        LearnerRecord self = LearnerRecord.of(List.of(selfAsserted("care")), List.of());
        LearnerRecord cred = LearnerRecord.of(List.of(verified("care", "RN")), List.of());
        MatchEngine.Match match = MatchEngine.match(NURSE, self);
        assertThat(match.score()).isEqualTo(25).isLessThan(MatchEngine.score(NURSE, cred));
        assertThat(match.requirements().getFirst().met()).isTrue();
        assertThat(match.gaps().getFirst().kind()).isEqualTo(MatchEngine.GapKind.UNVERIFIED);
        assertThat(match.requirements()
                        .getFirst()
                        .basis()
                        .orElseThrow()
                        .evidence()
                        .best()
                        .kind())
                .isEqualTo("self-asserted");
    }

    @Test
    void aNeighbouringSkillGivesPartialCreditButDoesNotMeetTheRequirement() {
        // the learner has "wound care", narrower than "care"
        LearnerRecord record = LearnerRecord.of(
                List.of(verified("wound-care", "Wound care badge")),
                List.of(new Neighbour(skill("wound-care"), skill("care"), Relation.NARROWER)));
        MatchEngine.Match match = MatchEngine.match(NURSE, record);
        MatchEngine.RequirementMatch care = match.requirements().getFirst();
        assertThat(care.met()).isFalse();
        assertThat(care.coverage()).isEqualTo(Relation.NARROWER.credit());
        assertThat(match.score()).isEqualTo(30);
        assertThat(match.gaps())
                .filteredOn(g -> g.skill().label().equals("care"))
                .singleElement()
                .extracting(MatchEngine.Gap::kind)
                .isEqualTo(MatchEngine.GapKind.PARTIAL);
    }

    @Test
    void aLevelBelowTheOneAskedCountsInProportion() {
        MatchTarget target = new MatchTarget("Lead", List.of(new TargetSkill(skill("care"), "care", 1, true, 4)));
        Evidence atTwo = new Evidence(
                skill("care"),
                "care",
                List.of(new Evidence.Source.Verified(UUID.randomUUID(), "RN", "Board", skill("care"))),
                2);
        MatchEngine.Match match = MatchEngine.match(target, LearnerRecord.of(List.of(atTwo), List.of()));
        assertThat(match.score()).isEqualTo(50);
        assertThat(match.requirements().getFirst().met()).isFalse();
        assertThat(match.gaps().getFirst().kind()).isEqualTo(MatchEngine.GapKind.LEVEL);
    }

    @Test
    void theLevelACredentialStatesIsComparedWithTheLevelAsked() {
        MatchTarget target = new MatchTarget("Lead", List.of(new TargetSkill(skill("care"), "care", 1, true, 4)));
        Evidence atThree = new Evidence(
                skill("care"),
                "care",
                List.of(new Evidence.Source.Verified(UUID.randomUUID(), "RN", "Board", skill("care"), 3)),
                0);
        MatchEngine.Match match = MatchEngine.match(target, LearnerRecord.of(List.of(atThree), List.of()));
        assertThat(match.exact()).isCloseTo(75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(match.requirements().getFirst().levelFactor()).isEqualTo(0.75);
        assertThat(match.requirements().getFirst().basis().orElseThrow().level())
                .isEqualTo(3);
        assertThat(match.gaps().getFirst().kind()).isEqualTo(MatchEngine.GapKind.LEVEL);
        Evidence atFive = new Evidence(
                skill("care"),
                "care",
                List.of(new Evidence.Source.Verified(UUID.randomUUID(), "RN", "Board", skill("care"), 5)),
                0);
        assertThat(MatchEngine.match(target, LearnerRecord.of(List.of(atFive), List.of()))
                        .requirements()
                        .getFirst()
                        .met())
                .as("a level above the one asked meets it, no extra credit")
                .isTrue();
    }

    @Test
    void eachSourceCountsAtItsOwnLevelSoAnOwnEstimateNeverLendsItsLevelToACredential() {
        MatchTarget target = new MatchTarget("Expert", List.of(new TargetSkill(skill("care"), "care", 1, true, 5)));
        UUID credential = UUID.randomUUID();
        Evidence both = new Evidence(
                skill("care"),
                "care",
                List.of(
                        new Evidence.Source.Verified(credential, "RN", "Board", skill("care"), 2),
                        new Evidence.Source.SelfAsserted(UUID.randomUUID(), "expert carer", 5)),
                0);
        // verified at 2 of 5: 1.0 × 0.4; self-asserted at 5 of 5: 0.5 × 1: the better way counts, nothing merges
        MatchEngine.Match match = MatchEngine.match(target, LearnerRecord.of(List.of(both), List.of()));
        assertThat(match.exact()).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(match.requirements().getFirst().basis().orElseThrow().source())
                .isInstanceOf(Evidence.Source.SelfAsserted.class);
        double withoutCredential =
                MatchEngine.exact(target, LearnerRecord.of(without(List.of(both), credential), List.of()));
        assertThat(withoutCredential).isLessThanOrEqualTo(match.exact());
        Evidence verifiedOnly = new Evidence(
                skill("care"),
                "care",
                List.of(new Evidence.Source.Verified(credential, "RN", "Board", skill("care"), 5)),
                0);
        Evidence selfOnly = new Evidence(
                skill("care"), "care", List.of(new Evidence.Source.SelfAsserted(UUID.randomUUID(), "care", 5)), 0);
        assertThat(MatchEngine.exact(target, LearnerRecord.of(List.of(selfOnly), List.of())))
                .as("self-asserted at the level asked still scores lower than verified at it")
                .isLessThan(MatchEngine.exact(target, LearnerRecord.of(List.of(verifiedOnly), List.of())));
    }

    @Test
    void gapsAreOrderedByWeightTimesWhatIsMissing() {
        LearnerRecord record = LearnerRecord.of(List.of(selfAsserted("care")), List.of());
        MatchEngine.Match match = MatchEngine.match(NURSE, record);
        // care: 1.0 × 0.5 = 0.5; triage and charting: 0.5 × 1 = 0.5 each: ties by weight, then label
        assertThat(match.gaps()).extracting(g -> g.skill().label()).containsExactly("care", "charting", "triage");
        LearnerRecord other = LearnerRecord.of(List.of(verified("triage", "Triage")), List.of());
        assertThat(MatchEngine.match(NURSE, other).gaps())
                .extracting(g -> g.skill().label())
                .containsExactly("care", "charting");
    }

    @Test
    void anUnrelatedLearnerScoresNothing() {
        LearnerRecord welder = LearnerRecord.of(List.of(verified("welding", "Welding")), List.of());
        assertThat(MatchEngine.match(NURSE, welder).score()).isZero();
        assertThat(MatchEngine.match(NURSE, LearnerRecord.empty()).gaps()).hasSize(3);
    }

    @Test
    void absurdWeightsAndLevelsAreRefused() {
        assertThatThrownBy(() -> need("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> need("x", 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetSkill(skill("x"), "x", 0.5, true, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removingAnyCredentialNeverRaisesTheScoreOverManyRandomRecords() {
        Random random = new Random(20261206);
        for (int round = 0; round < 2_000; round++) {
            List<String> vocabulary = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                vocabulary.add("s" + i);
            }
            List<TargetSkill> needs = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(15); i++) {
                // some requirements are work activities, reached through a few skills of the vocabulary too
                List<URI> through = new ArrayList<>();
                for (int k = random.nextInt(3) == 0 ? random.nextInt(4) : 0; k > 0; k--) {
                    through.add(skill(vocabulary.get(random.nextInt(30))));
                }
                needs.add(new TargetSkill(
                        skill(vocabulary.get(random.nextInt(30))),
                        "n" + i,
                        random.nextDouble(),
                        random.nextBoolean(),
                        random.nextInt(6),
                        through));
            }
            MatchTarget target = new MatchTarget("random", needs);
            // credentials, each aligning to a few skills; some statements of the learner's own
            List<UUID> credentials = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                credentials.add(UUID.randomUUID());
            }
            List<Evidence> evidence = new ArrayList<>();
            for (String name : vocabulary) {
                List<Evidence.Source> sources = new ArrayList<>();
                for (UUID c : credentials) {
                    if (random.nextInt(5) == 0) {
                        // a credential may state the level reached (0: none), each source its own
                        sources.add(
                                new Evidence.Source.Verified(c, "C " + c, "Issuer", skill(name), random.nextInt(6)));
                    }
                }
                if (random.nextInt(6) == 0) {
                    sources.add(new Evidence.Source.SelfAsserted(UUID.randomUUID(), name, random.nextInt(6)));
                }
                if (!sources.isEmpty()) {
                    evidence.add(new Evidence(skill(name), name, sources, random.nextInt(6)));
                }
            }
            List<Neighbour> neighbours = new ArrayList<>();
            for (int i = 0; i < random.nextInt(20); i++) {
                neighbours.add(new Neighbour(
                        skill(vocabulary.get(random.nextInt(30))),
                        skill(vocabulary.get(random.nextInt(30))),
                        Relation.values()[random.nextInt(Relation.values().length)]));
            }
            double before = MatchEngine.exact(target, LearnerRecord.of(evidence, neighbours));
            UUID removed = credentials.get(random.nextInt(credentials.size()));
            double after = MatchEngine.exact(target, LearnerRecord.of(without(evidence, removed), neighbours));
            assertThat(after).as("round %d", round).isLessThanOrEqualTo(before + 1e-9);
        }
    }

    /** The learner's evidence as it is without one credential: its sources gone, skills it alone backed gone. */
    static List<Evidence> without(List<Evidence> evidence, UUID credential) {
        List<Evidence> left = new ArrayList<>();
        for (Evidence e : evidence) {
            List<Evidence.Source> sources = e.sources().stream()
                    .filter(s -> !(s instanceof Evidence.Source.Verified v
                            && v.credential().equals(credential)))
                    .toList();
            if (!sources.isEmpty()) {
                left.add(new Evidence(e.skill(), e.label(), sources, e.level()));
            }
        }
        return left;
    }
}
