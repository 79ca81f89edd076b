package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The work-activity weight formula of docs/jobs.md, on a made-up occupation worked by hand and on real O*NET 29.3
 * occupations read from openler-data (importance from O*NET's own Skills file, (IM − 1) / 4, as the ontology stores it).
 */
class ActivityRequirementsTests {

    static final WorkActivities ACTIVITIES = new WorkActivities();

    static Map<URI, Double> onetImportance(String code) {
        Map<URI, Double> importance = new HashMap<>();
        for (String[] row : OnetTasks.rows("/org/openler/data/onet/converted-from-xlsx/Skills.txt.gz")) {
            if (row[0].equals(code) && row[4].equals("IM")) {
                importance.put(URI.create(WorkActivities.BASE + row[2]), (Double.parseDouble(row[6]) - 1) / 4);
            }
        }
        return importance;
    }

    @Test
    void theWeightAddsTheTaskShareAndTheLinkedSkillsImportanceToABaseOfPointTwo() {
        URI a = URI.create(WorkActivities.BASE + "2.A.2.a");
        URI b = URI.create(WorkActivities.BASE + "2.A.2.b");
        WorkActivities.Activity often = new WorkActivities.Activity(
                "4.A.2.b.1.I01.D01",
                "Often",
                "4.A.2.b.1",
                "Making Decisions",
                List.of(new WorkActivities.Skill(a, "A"), new WorkActivities.Skill(b, "B")));
        WorkActivities.Activity once = new WorkActivities.Activity(
                "4.A.2.b.1.I01.D02",
                "Once",
                "4.A.2.b.1",
                "Making Decisions",
                List.of(new WorkActivities.Skill(a, "A")));
        WorkActivities.Activity unreachable =
                new WorkActivities.Activity("4.A.3.a.2.I01.D01", "Lift", "4.A.3.a.2", "Handling", List.of());
        Map<WorkActivities.Activity, List<WorkActivities.TaskLink>> byActivity = new LinkedHashMap<>();
        byActivity.put(
                often, List.of(new WorkActivities.TaskLink("t1", true), new WorkActivities.TaskLink("t2", true)));
        byActivity.put(once, List.of(new WorkActivities.TaskLink("t3", false)));
        byActivity.put(unreachable, List.of(new WorkActivities.TaskLink("t4", true)));

        List<ActivityRequirements.Weighed> weighed =
                ActivityRequirements.weigh(new WorkActivities.Work(byActivity), Map.of(a, 0.8, b, 0.4));

        assertThat(weighed).extracting(w -> w.activity().title()).containsExactly("Often", "Once");
        // c = 2 / 2, s = (0.8 + 0.4) / 2: 0.2 + 0.25 + 0.15
        assertThat(weighed.get(0).weight()).isCloseTo(0.6, within(1e-9));
        // c = 0.5 / 2, s = 0.8: 0.2 + 0.0625 + 0.2
        assertThat(weighed.get(1).weight()).isCloseTo(0.4625, within(1e-9));
        assertThat(ActivityRequirements.basis(weighed.get(0), false))
                .isEqualTo("work activity in 2 tasks (2 core); O*NET links 2 skills to it (Making Decisions),"
                        + " importance 3.4 of 5 on average");
        assertThat(ActivityRequirements.basis(weighed.get(1), true)).endsWith("in related occupations");
    }

    @Test
    void registeredNursesGetEightWorkActivitiesHeaviestFirstNoneAboveTheCap() {
        List<ActivityRequirements.Weighed> weighed =
                ActivityRequirements.weigh(ACTIVITIES.of("29-1141.00"), onetImportance("29-1141.00"));

        assertThat(weighed).hasSize(ActivityRequirements.MAX);
        assertThat(weighed.get(0).activity().title()).isEqualTo("Record patient medical histories.");
        assertThat(weighed.get(0).weight()).isCloseTo(0.622, within(0.001));
        assertThat(weighed.get(1).activity().title())
                .isEqualTo("Monitor patient conditions during treatments, procedures, or activities.");
        assertThat(weighed.get(1).weight()).isCloseTo(0.620, within(0.001));
        assertThat(weighed)
                .allSatisfy(w -> assertThat(w.weight()).isBetween(0.2, ActivityRequirements.CAP))
                .allSatisfy(w -> assertThat(w.activity().skills()).isNotEmpty())
                .extracting(ActivityRequirements.Weighed::weight)
                .isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void weldersOperateWeldingEquipmentIsProposedThroughTheEscoSkillThatNamesItThoughOnetLinksNoSkillToItsGwa() {
        WorkActivities.Work work = ACTIVITIES.of("51-4121.00");
        WorkActivities.Activity welding = work.byActivity().keySet().stream()
                .filter(a -> a.title().equals("Operate welding equipment."))
                .findFirst()
                .orElseThrow();
        assertThat(welding.gwa()).isEqualTo("4.A.3.a.2");
        assertThat(welding.skills())
                .as("Skills to Work Activities links no skill to Handling and Moving Objects")
                .isEmpty();
        assertThat(welding.esco()).extracting(WorkActivities.Skill::name).contains("operate welding equipment");

        List<ActivityRequirements.Weighed> weighed = ActivityRequirements.weigh(work, onetImportance("51-4121.00"));

        assertThat(weighed).hasSize(ActivityRequirements.MAX);
        assertThat(weighed.getFirst().activity().title()).isEqualTo("Operate grinding equipment.");
        ActivityRequirements.Weighed first = weighed.stream()
                .filter(w -> w.activity().equals(welding))
                .findFirst()
                .orElseThrow();
        assertThat(weighed.indexOf(first))
                .as("second, behind grinding, which O*NET's ratings support")
                .isEqualTo(1);
        // c = 1 (the DWA most of a welder's tasks link to), s = 0 (no rated linked skill): 0.2 + 0.25
        assertThat(first.weight()).isCloseTo(0.45, within(1e-9));
        assertThat(ActivityRequirements.basis(first, false))
                .contains("O*NET rates no skill it links to it (Handling and Moving Objects)")
                .endsWith("ESCO skills that name it: “operate welding equipment”");
        assertThat(weighed)
                .allSatisfy(
                        w -> assertThat(w.support() > 0 || !w.activity().esco().isEmpty())
                                .as("reachable: %s", w.activity().title())
                                .isTrue());
    }

    @Test
    void aDwaNamesOnlyEscoSkillsThatEscoListsForAnOccupationDoingTheWork() {
        WorkActivities.Activity weldComponents = ACTIVITIES
                .byUri(URI.create(WorkActivities.BASE + "4.A.3.a.2.I35.D02"))
                .orElseThrow();
        assertThat(weldComponents.title()).isEqualTo("Weld metal components.");
        assertThat(weldComponents.esco())
                .extracting(WorkActivities.Skill::name)
                .as("the mapper's first reading of the words, which no welding occupation in ESCO lists")
                .doesNotContain("design metal components");
        long linked = ACTIVITIES.all().stream().filter(a -> !a.esco().isEmpty()).count();
        assertThat(linked).as("DWAs with an ESCO skill (of 2,087)").isBetween(1_000L, 1_400L);
    }

    @Test
    void anOccupationWithNoRatingsOfItsOwnOrBorrowedProposesOnlyWorkActivitiesEscoSkillsReach() {
        WorkActivities.Work work = ACTIVITIES.of("15-1252.00");
        assertThat(work.byActivity()).isNotEmpty();
        assertThat(onetImportance("15-1252.00"))
                .as("O*NET does not rate 15-1252.00")
                .isEmpty();

        assertThat(ActivityRequirements.weigh(work, Map.of())).isNotEmpty().allSatisfy(w -> {
            assertThat(w.activity().esco()).isNotEmpty();
            assertThat(w.support()).isZero();
            assertThat(w.weight()).isBetween(0.2, 0.45);
        });
        // with the related occupations' ratings (as CompetencyDna borrows them) it gets some; here a close neighbour's
        assertThat(ActivityRequirements.weigh(work, onetImportance("15-1253.00")))
                .hasSizeBetween(1, ActivityRequirements.MAX);
    }

    @Test
    void aDwaIsNamedByItsOnetElementIdAndNothingElseIsTakenForOne() {
        URI uri = URI.create(WorkActivities.BASE + "4.A.2.a.4.I09.D03");
        assertThat(ACTIVITIES.byUri(uri))
                .hasValueSatisfying(
                        a -> assertThat(a.title()).isEqualTo("Analyze impact of legal or regulatory changes."));
        assertThat(ACTIVITIES.byUri(URI.create(WorkActivities.BASE + "2.A.1.a")))
                .isEmpty();
        assertThat(ACTIVITIES.byUri(URI.create(WorkActivities.BASE + "4.A.2.a.4")))
                .isEmpty();
        assertThat(ACTIVITIES.byUri(URI.create(WorkActivities.BASE + "4.A.2.a.4.I09.D99")))
                .isEmpty();
        assertThat(ACTIVITIES.byUri(URI.create("http://data.europa.eu/esco/skill/4.A.2.a.4.I09.D03")))
                .isEmpty();
    }
}
