package org.openler.platform.talent.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.MatchEngine;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.talent.index.TalentDocument.Visibility;
import org.openler.platform.talent.index.TalentHits.Hit;

/**
 * What every {@link TalentIndex} must do, whatever engine is behind it. An implementation's test extends this class
 * and answers a fresh, empty index from {@link #newIndex()}; the index is closed after each test.
 */
public abstract class TalentIndexContract {

    protected static final URI WELD = URI.create("http://data.europa.eu/esco/skill/weld");
    protected static final URI CNC = URI.create("http://data.europa.eu/esco/skill/cnc");
    protected static final URI SAFETY = URI.create("http://data.europa.eu/esco/skill/safety");
    protected static final URI SQL = URI.create("http://data.europa.eu/esco/skill/sql");

    protected TalentIndex index;

    /** A fresh, empty index. */
    protected abstract TalentIndex newIndex();

    @BeforeEach
    void open() {
        index = newIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    protected static AccountId learner(int n) {
        return new AccountId(new UUID(0x7a1e47L, n));
    }

    protected static TalentDocument anonymous(int n, Map<URI, EvidenceKind> skills) {
        return new TalentDocument(learner(n), Visibility.ANONYMOUS, skills);
    }

    protected static SkillQuery query(Object... skillAndWeight) {
        List<SkillQuery.Weighted> skills = new ArrayList<>();
        for (int i = 0; i < skillAndWeight.length; i += 2) {
            skills.add(new SkillQuery.Weighted((URI) skillAndWeight[i], (Double) skillAndWeight[i + 1]));
        }
        return new SkillQuery(skills);
    }

    private static List<AccountId> learners(TalentHits hits) {
        return hits.hits().stream().map(Hit::learner).toList();
    }

    @Test
    void aDocumentPutIsCountedReadBackAndFound() {
        TalentDocument doc = new TalentDocument(
                learner(1),
                Visibility.ANONYMOUS,
                Map.of(WELD, EvidenceKind.VERIFIED, SAFETY, EvidenceKind.SELF_ASSERTED),
                Optional.of("US-IN"),
                Optional.of("full-time"));
        index.put(doc);

        assertThat(index.count()).isEqualTo(1);
        assertThat(index.get(learner(1))).contains(doc);
        assertThat(index.get(learner(2))).isEmpty();
        TalentHits hits = index.top(query(WELD, 1.0), 10);
        assertThat(hits.total()).isEqualTo(1);
        assertThat(learners(hits)).containsExactly(learner(1));
        assertThat(hits.hits().getFirst().score()).isCloseTo(100.0, within(TalentIndex.TIE));
    }

    @Test
    void puttingALearnersDocumentAgainReplacesItAndTheOldSkillsNoLongerMatch() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.put(anonymous(1, Map.of(CNC, EvidenceKind.SELF_ASSERTED)));

        assertThat(index.count()).isEqualTo(1);
        assertThat(index.top(query(WELD, 1.0), 10).total()).isZero();
        assertThat(learners(index.top(query(CNC, 1.0), 10))).containsExactly(learner(1));
        assertThat(index.get(learner(1)).orElseThrow().skills()).isEqualTo(Map.of(CNC, EvidenceKind.SELF_ASSERTED));
    }

    @Test
    void aRemovedDocumentIsGoneFromTheVeryNextSearch() {
        for (int i = 1; i <= 6; i++) {
            index.put(anonymous(i, Map.of(WELD, EvidenceKind.SELF_ASSERTED)));
        }
        assertThat(index.top(query(WELD, 1.0), 10).total()).isEqualTo(6);

        index.remove(learner(3));

        TalentHits hits = index.top(query(WELD, 1.0), 10);
        assertThat(hits.total()).isEqualTo(5);
        assertThat(learners(hits)).doesNotContain(learner(3)).hasSize(5);
        assertThat(index.get(learner(3))).isEmpty();
        assertThat(index.count()).isEqualTo(5);
    }

    @Test
    void removingALearnerWithNoDocumentChangesNothing() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.remove(learner(9));
        index.remove(learner(9));
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void verifiedRanksAboveEndorsedAboveSelfAssertedWithTheEnginesBacking() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.SELF_ASSERTED)));
        index.put(anonymous(2, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.put(anonymous(3, Map.of(WELD, EvidenceKind.ENDORSED)));

        TalentHits hits = index.top(query(WELD, 0.7), 10);

        assertThat(learners(hits)).containsExactly(learner(2), learner(3), learner(1));
        assertThat(hits.hits())
                .extracting(Hit::score)
                .satisfiesExactly(
                        s -> assertThat(s).isCloseTo(100.0, within(TalentIndex.TIE)),
                        s -> assertThat(s).isCloseTo(80.0, within(TalentIndex.TIE)),
                        s -> assertThat(s).isCloseTo(50.0, within(TalentIndex.TIE)));
    }

    @Test
    void weightsDecideTheOrderAcrossSkillsAndOnlyHoldersOfAnAskedSkillAreCounted() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED))); // 100 × 0.2 / 1.0 = 20
        index.put(anonymous(2, Map.of(CNC, EvidenceKind.SELF_ASSERTED))); // 100 × 0.8 × 0.5 = 40
        index.put(anonymous(3, Map.of(CNC, EvidenceKind.VERIFIED, WELD, EvidenceKind.ENDORSED))); // 80 + 16 = 96
        index.put(anonymous(4, Map.of(SQL, EvidenceKind.VERIFIED))); // asked nothing it holds

        TalentHits hits = index.top(query(WELD, 0.2, CNC, 0.8), 10);

        assertThat(hits.total()).isEqualTo(3);
        assertThat(learners(hits)).containsExactly(learner(3), learner(2), learner(1));
        assertThat(hits.hits())
                .extracting(Hit::score)
                .satisfiesExactly(
                        s -> assertThat(s).isCloseTo(96.0, within(TalentIndex.TIE)),
                        s -> assertThat(s).isCloseTo(40.0, within(TalentIndex.TIE)),
                        s -> assertThat(s).isCloseTo(20.0, within(TalentIndex.TIE)));
    }

    @Test
    void internalOnlyLearnersAreNeverInAnAnonymousSearchUntilTheyChooseAnonymous() {
        index.put(new TalentDocument(learner(1), Visibility.INTERNAL, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.put(anonymous(2, Map.of(WELD, EvidenceKind.SELF_ASSERTED)));

        TalentHits hits = index.top(query(WELD, 1.0), 10);
        assertThat(hits.total()).isEqualTo(1);
        assertThat(learners(hits)).containsExactly(learner(2));
        assertThat(index.count()).isEqualTo(2);
        assertThat(index.get(learner(1))).map(TalentDocument::visibility).contains(Visibility.INTERNAL);

        index.put(new TalentDocument(learner(1), Visibility.ANONYMOUS, Map.of(WELD, EvidenceKind.VERIFIED)));
        assertThat(learners(index.top(query(WELD, 1.0), 10))).containsExactly(learner(1), learner(2));

        index.put(new TalentDocument(learner(1), Visibility.INTERNAL, Map.of(WELD, EvidenceKind.VERIFIED)));
        assertThat(learners(index.top(query(WELD, 1.0), 10))).containsExactly(learner(2));
    }

    @Test
    void theNBestComeWithEveryDocumentTiedWithTheNthSoTheCallerCanBreakTies() {
        index.put(anonymous(100, Map.of(WELD, EvidenceKind.VERIFIED, CNC, EvidenceKind.VERIFIED)));
        for (int i = 1; i <= 12; i++) {
            index.put(anonymous(i, Map.of(WELD, EvidenceKind.VERIFIED)));
        }
        index.put(anonymous(200, Map.of(CNC, EvidenceKind.SELF_ASSERTED)));

        TalentHits hits = index.top(query(WELD, 1.0, CNC, 1.0), 3);

        assertThat(hits.total()).isEqualTo(14);
        assertThat(hits.hits()).hasSize(13); // the best, then all twelve at 50, not the one at 25
        assertThat(hits.hits().getFirst().learner()).isEqualTo(learner(100));
        assertThat(learners(hits)).doesNotContain(learner(200));
        assertThat(hits.hits().subList(1, 13))
                .allSatisfy(h -> assertThat(h.score()).isCloseTo(50.0, within(TalentIndex.TIE)));
    }

    @Test
    void fewerDocumentsThanAskedForAnswerAllOfThem() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.put(anonymous(2, Map.of(WELD, EvidenceKind.ENDORSED)));
        assertThat(index.top(query(WELD, 1.0), 50).hits()).hasSize(2);
        assertThat(index.top(query(SQL, 1.0), 50)).isEqualTo(new TalentHits(0, List.of()));
    }

    @Test
    void theRankingIsTheScoreFormulaOverManyRandomDocuments() {
        Random random = new Random(16);
        List<URI> skills = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            skills.add(URI.create("http://data.europa.eu/esco/skill/s" + s));
        }
        Map<AccountId, TalentDocument> docs = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Map<URI, EvidenceKind> held = new HashMap<>();
            for (int k = random.nextInt(8); k > 0; k--) {
                held.put(skills.get(random.nextInt(skills.size())), EvidenceKind.values()[random.nextInt(3)]);
            }
            Visibility visibility = random.nextInt(10) == 0 ? Visibility.INTERNAL : Visibility.ANONYMOUS;
            TalentDocument doc = new TalentDocument(learner(i), visibility, held);
            docs.put(doc.learner(), doc);
            index.put(doc);
        }
        SkillQuery query = query(skills.get(1), 0.9, skills.get(2), 0.3, skills.get(3), 0.55, skills.get(5), 1.0);

        TalentHits hits = index.top(query, 15);

        List<TalentDocument> expected = docs.values().stream()
                .filter(d -> d.visibility() == Visibility.ANONYMOUS && query.score(d) > 0)
                .sorted(Comparator.comparingDouble(query::score).reversed())
                .toList();
        assertThat(hits.total()).isEqualTo(expected.size());
        assertThat(hits.hits().size()).isGreaterThanOrEqualTo(15);
        double nth = query.score(expected.get(14));
        for (Hit hit : hits.hits()) {
            assertThat(hit.score()).isCloseTo(query.score(docs.get(hit.learner())), within(TalentIndex.TIE));
            assertThat(hit.score()).isGreaterThanOrEqualTo(nth - TalentIndex.TIE);
        }
        long atLeastNth = expected.stream()
                .filter(d -> query.score(d) >= nth - TalentIndex.TIE)
                .count();
        assertThat(hits.hits()).hasSize((int) atLeastNth);
        assertThat(hits.hits())
                .isSortedAccordingTo(Comparator.comparingDouble(Hit::score).reversed());
    }

    @Test
    void aRebuildReplacesEverythingTheIndexHeld() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.put(anonymous(2, Map.of(WELD, EvidenceKind.VERIFIED)));

        index.rebuild(List.of(
                        anonymous(2, Map.of(CNC, EvidenceKind.VERIFIED)),
                        anonymous(3, Map.of(WELD, EvidenceKind.ENDORSED)))
                .iterator());
        index.commit();

        assertThat(index.count()).isEqualTo(2);
        assertThat(index.get(learner(1))).isEmpty();
        assertThat(learners(index.top(query(WELD, 1.0), 10))).containsExactly(learner(3));
        assertThat(learners(index.top(query(CNC, 1.0), 10))).containsExactly(learner(2));
    }

    @Test
    void aDocumentWithNoSkillsIsHeldButNeverFound() {
        index.put(anonymous(1, Map.of()));
        assertThat(index.count()).isEqualTo(1);
        assertThat(index.top(query(WELD, 1.0), 10).total()).isZero();
    }

    private static TalentDocument placed(int n, EvidenceKind kind, String region, String availability) {
        return new TalentDocument(
                learner(n),
                Visibility.ANONYMOUS,
                Map.of(WELD, kind),
                Optional.ofNullable(region),
                Optional.ofNullable(availability));
    }

    private static SkillQuery filtered(String region, String... availability) {
        return new SkillQuery(
                query(WELD, 1.0).skills(), new SkillQuery.Filter(Optional.ofNullable(region), Set.of(availability)));
    }

    @Test
    void aRegionFilterCountsAndReturnsOnlyDocumentsOfThatRegionAndNeverOnesWithoutARegion() {
        index.put(placed(1, EvidenceKind.VERIFIED, "US-IN", "now"));
        index.put(placed(2, EvidenceKind.SELF_ASSERTED, "US-IN", null));
        index.put(placed(3, EvidenceKind.VERIFIED, "US-OH", "now"));
        index.put(placed(4, EvidenceKind.VERIFIED, null, "now"));

        TalentHits inIndiana = index.top(filtered("US-IN"), 10);
        assertThat(inIndiana.total()).as("counted after the filter").isEqualTo(2);
        assertThat(learners(inIndiana)).containsExactly(learner(1), learner(2));
        assertThat(index.top(filtered("US-TX"), 10).total()).isZero();
        assertThat(index.top(query(WELD, 1.0), 10).total())
                .as("no filter: everyone")
                .isEqualTo(4);
    }

    @Test
    void anAvailabilityFilterAdmitsAnyOfItsWordsAndCombinesWithTheRegion() {
        index.put(placed(1, EvidenceKind.VERIFIED, "US-IN", "now"));
        index.put(placed(2, EvidenceKind.ENDORSED, "US-IN", "within-3-months"));
        index.put(placed(3, EvidenceKind.VERIFIED, "US-IN", "not-looking"));
        index.put(placed(4, EvidenceKind.VERIFIED, "US-OH", "now"));
        index.put(placed(5, EvidenceKind.VERIFIED, "US-IN", null));

        assertThat(learners(index.top(filtered(null, "now"), 10))).containsExactlyInAnyOrder(learner(1), learner(4));
        TalentHits soon = index.top(filtered("US-IN", "now", "within-3-months"), 10);
        assertThat(soon.total()).isEqualTo(2);
        assertThat(learners(soon)).containsExactly(learner(1), learner(2));
        assertThat(soon.hits().get(1).score())
                .as("filters do not change the score")
                .isCloseTo(
                        query(WELD, 1.0).score(placed(2, EvidenceKind.ENDORSED, null, null)), within(TalentIndex.TIE));
    }

    @Test
    void aFilteredDocumentIsFilteredByWhatItHoldsNowAfterAPutChangesItsRegion() {
        index.put(placed(1, EvidenceKind.VERIFIED, "US-IN", "now"));
        index.put(placed(1, EvidenceKind.VERIFIED, "US-OH", "now"));

        assertThat(index.top(filtered("US-IN"), 10).total()).isZero();
        assertThat(learners(index.top(filtered("US-OH", "now"), 10))).containsExactly(learner(1));
        assertThat(index.get(learner(1)).orElseThrow().region()).contains("US-OH");
    }

    @Test
    void filtersNeverAdmitInternalOnlyDocuments() {
        index.put(new TalentDocument(
                learner(1),
                Visibility.INTERNAL,
                Map.of(WELD, EvidenceKind.VERIFIED),
                Optional.of("US-IN"),
                Optional.of("now")));
        assertThat(index.top(filtered("US-IN", "now"), 10).total()).isZero();
    }

    private void apply(int learner, long version, Optional<TalentDocument> document) {
        index.apply(List.of(new TalentIndex.Change(index.subject(learner(learner)), version, document)));
    }

    @Test
    void anOlderChangeArrivingAfterANewerOneIsSkippedAndTheNewerStands() {
        TalentDocument newer = anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED));
        TalentDocument older = anonymous(1, Map.of(CNC, EvidenceKind.SELF_ASSERTED));
        apply(1, 7, Optional.of(newer));

        apply(1, 5, Optional.of(older));
        apply(1, 7, Optional.of(older)); // the same row applied again (after a crash) changes nothing either
        index.commit();

        assertThat(index.get(learner(1))).contains(newer);
        assertThat(index.top(query(CNC, 1.0), 10).total()).isZero();
        assertThat(learners(index.top(query(WELD, 1.0), 10))).containsExactly(learner(1));

        apply(1, 8, Optional.of(older));
        assertThat(index.get(learner(1))).as("a newer change applies").contains(older);
    }

    @Test
    void anOlderPutArrivingAfterANewerRemovalNeverBringsTheDocumentBack() {
        apply(1, 3, Optional.of(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED))));
        apply(2, 4, Optional.of(anonymous(2, Map.of(WELD, EvidenceKind.VERIFIED))));
        apply(1, 9, Optional.empty());

        apply(1, 6, Optional.of(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED))));
        index.commit();

        assertThat(index.get(learner(1))).isEmpty();
        assertThat(index.count()).as("a removal leaves nothing that is counted").isEqualTo(1);
        assertThat(learners(index.top(query(WELD, 1.0), 10))).containsExactly(learner(2));

        apply(1, 10, Optional.of(anonymous(1, Map.of(CNC, EvidenceKind.VERIFIED))));
        assertThat(learners(index.top(query(CNC, 1.0), 10)))
                .as("opting in again later is a newer change")
                .containsExactly(learner(1));
    }

    @Test
    void aRebuiltDocumentKeepsItsVersionSoAnOlderChangeSentLateIsSkipped() {
        TalentDocument rebuilt = anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED));
        index.rebuild(
                List.of(rebuilt, anonymous(2, Map.of(WELD, EvidenceKind.ENDORSED)))
                        .iterator(),
                Map.of(index.subject(learner(1)), 20L));

        apply(1, 15, Optional.empty());
        apply(2, 1, Optional.empty());

        assertThat(index.get(learner(1))).contains(rebuilt);
        assertThat(index.get(learner(2)))
                .as("no version given: any change is newer")
                .isEmpty();
    }

    @Test
    void aDocumentIsFiledUnderItsOneWaySubjectAndARemovalNeedsOnlyThat() {
        String subject = index.subject(learner(1));
        assertThat(subject)
                .doesNotContain(learner(1).value().toString())
                .doesNotContain(learner(1).value().toString().replace("-", ""))
                .isEqualTo(index.subject(learner(1)));
        assertThat(index.subject(learner(2))).isNotEqualTo(subject);
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));

        // what the outbox holds once the account is erased: the subject, a version, nothing else
        index.apply(List.of(new TalentIndex.Change(subject, 5, Optional.empty())));

        assertThat(index.get(learner(1))).isEmpty();
        assertThat(index.top(query(WELD, 1.0), 10).total()).isZero();
    }

    protected static final URI MIG = URI.create("http://data.europa.eu/esco/skill/weld-mig");
    protected static final URI METALWORK = URI.create("http://data.europa.eu/esco/skill/metalwork");

    /** WELD with MIG welding narrower than it and metalwork broader: as the ontology would give them. */
    private static final SkillHierarchy WELDING = new SkillHierarchy() {
        @Override
        public Set<URI> narrower(URI skill) {
            return skill.equals(WELD) ? Set.of(MIG) : Set.of();
        }

        @Override
        public Set<URI> broader(URI skill) {
            return skill.equals(WELD) ? Set.of(METALWORK) : Set.of();
        }
    };

    @Test
    void aLearnerHoldingOnlyANarrowerOrBroaderSkillIsFoundWithTheMatchingEnginesPartialCredit() {
        index.put(anonymous(1, Map.of(WELD, EvidenceKind.VERIFIED)));
        index.put(anonymous(2, Map.of(MIG, EvidenceKind.VERIFIED)));
        index.put(anonymous(3, Map.of(METALWORK, EvidenceKind.SELF_ASSERTED)));
        // the best way counts, not the sum: 0.6 × verified beats the self-asserted skill itself (0.5)
        index.put(anonymous(4, Map.of(WELD, EvidenceKind.SELF_ASSERTED, MIG, EvidenceKind.VERIFIED)));
        index.put(anonymous(5, Map.of(SQL, EvidenceKind.VERIFIED)));
        MatchTarget job = new MatchTarget(
                "Welder",
                List.of(new TargetSkill(WELD, "welding", 1.0, true, 0), new TargetSkill(CNC, "cnc", 1.0, true, 0)));
        SkillQuery query =
                TalentRanking.query(job, SkillQuery.Filter.NONE, WELDING).orElseThrow();

        TalentHits hits = index.top(query, 10);

        assertThat(hits.total()).as("the neighbours' holders are counted").isEqualTo(4);
        assertThat(learners(hits)).startsWith(learner(1)).endsWith(learner(3));
        assertThat(learners(hits).subList(1, 3)).containsExactlyInAnyOrder(learner(2), learner(4));
        for (Hit hit : hits.hits()) {
            TalentDocument document = index.get(hit.learner()).orElseThrow();
            double engine = MatchEngine.exact(job, TalentRanking.record(document, query));
            assertThat(hit.score()).as("first pass = the engine's score").isCloseTo(engine, within(TalentIndex.TIE));
        }
        assertThat(hits.hits().get(1).score()).isCloseTo(100 * 0.6 / 2, within(TalentIndex.TIE));
        assertThat(hits.hits().get(3).score()).isCloseTo(100 * 0.4 * 0.5 / 2, within(TalentIndex.TIE));
        assertThat(index.top(TalentRanking.query(job).orElseThrow(), 10).total())
                .as("without the hierarchy only the very skill counts")
                .isEqualTo(2);

        TalentRanking.Page page = TalentRanking.rank(
                index,
                job,
                SkillQuery.Filter.NONE,
                WELDING,
                0,
                10,
                1,
                l -> l.value().toString());
        TalentRanking.Ranked narrower = page.candidates().stream()
                .filter(r -> r.learner().equals(learner(2)))
                .findFirst()
                .orElseThrow();
        assertThat(narrower.match().score()).isEqualTo(30);
        assertThat(narrower.match().requirements().getFirst().met())
                .as("partial credit, not met")
                .isFalse();
        assertThat(narrower.match().requirements().getFirst().coverage()).isCloseTo(0.6, within(1e-9));
    }
}
