package org.openler.platform.talent.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.Relation;

/**
 * The plan both talent indexes turn into their own query: what a document earns by it is the query's score, for every
 * way of holding the skill, a narrower or a broader one, in every kind.
 */
class SkillPlanTests {

    static final URI WELD = URI.create("https://example.org/skills/weld");
    static final URI TIG = URI.create("https://example.org/skills/tig-weld");
    static final URI METAL = URI.create("https://example.org/skills/metalwork");
    static final URI READ = URI.create("https://example.org/skills/read-drawings");

    final SkillQuery query = new SkillQuery(List.of(
            new SkillQuery.Weighted(WELD, 0.7, Set.of(TIG), Set.of(METAL)), new SkillQuery.Weighted(READ, 0.3)));

    @Test
    void aRequirementWithNeighboursCountsItsBestWayAndOneWithoutAddsUpItsKinds() {
        List<SkillPlan.Requirement> requirements = query.plan().requirements();

        assertThat(requirements).extracting(SkillPlan.Requirement::onlyTheBest).containsExactly(true, false);
        assertThat(requirements.get(0).ways()).hasSize(9);
        assertThat(requirements.get(1).ways()).extracting(SkillPlan.Way::kind).containsExactly(EvidenceKind.values());
        SkillPlan.Way verified = requirements.get(0).ways().get(0);
        SkillPlan.Way narrower = requirements.get(0).ways().get(1);
        SkillPlan.Way broader = requirements.get(0).ways().get(2);
        assertThat(verified.skills()).containsExactly(WELD);
        assertThat(verified.points()).isCloseTo(70 * EvidenceKind.VERIFIED.strength(), within(1e-9));
        assertThat(narrower.skills()).containsExactly(TIG);
        assertThat(narrower.points()).isCloseTo(verified.points() * Relation.NARROWER.credit(), within(1e-9));
        assertThat(broader.skills()).containsExactly(METAL);
        assertThat(broader.points()).isCloseTo(verified.points() * Relation.BROADER.credit(), within(1e-9));
    }

    @Test
    void whatADocumentEarnsByThePlanIsTheQueryScore() {
        List<URI> skills = List.of(WELD, TIG, METAL, READ);
        int kinds = EvidenceKind.values().length + 1; // or not held
        int documents = (int) Math.pow(kinds, skills.size());
        for (int n = 0; n < documents; n++) {
            Map<URI, EvidenceKind> held = new HashMap<>();
            int rest = n;
            for (URI skill : skills) {
                int kind = rest % kinds;
                rest /= kinds;
                if (kind > 0) {
                    held.put(skill, EvidenceKind.values()[kind - 1]);
                }
            }
            TalentDocument document =
                    new TalentDocument(new AccountId(UUID.randomUUID()), TalentDocument.Visibility.ANONYMOUS, held);

            assertThat(earned(query.plan(), held)).as(held.toString()).isCloseTo(query.score(document), within(1e-9));
        }
    }

    /** The plan read as an engine runs it: per requirement the best way held, or the sum of the ways held. */
    private static double earned(SkillPlan plan, Map<URI, EvidenceKind> held) {
        double score = 0;
        for (SkillPlan.Requirement requirement : plan.requirements()) {
            double best = 0;
            double sum = 0;
            for (SkillPlan.Way way : requirement.ways()) {
                if (way.skills().stream().anyMatch(s -> held.get(s) == way.kind())) {
                    best = Math.max(best, way.points());
                    sum += way.points();
                }
            }
            score += requirement.onlyTheBest() ? best : sum;
        }
        return score;
    }
}
