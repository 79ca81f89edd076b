package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped title mapper (the bundled ESCO occupations, default settings) on a few titles people type. */
class TitleIndexTests {

    private static TitleIndex index;

    @BeforeAll
    static void build() {
        index = TitleIndex.bundled();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CNC machinist|computer numerical control machine operator|1",
                "Ingeniero de software|software developer|3",
                "Senior Java Developer (Remote)|software developer|5",
                "Enfermera de cuidados generales|nurse responsible for general care|3",
                "Truck driver - night shift|cargo vehicle driver|3"
            })
    void mapsATitleToItsOccupationAmongTheFirst(String title, String occupation, int within) {
        List<TitleSuggestion> suggestions = index.suggest(title, within);
        assertThat(suggestions).extracting(TitleSuggestion::label).contains(occupation);
    }

    @Test
    void spellsOutAnAbbreviationAndIgnoresTheShift() {
        List<TitleSuggestion> suggestions = index.suggest("RN – night shift", 3);
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.getFirst().label()).contains("nurse");
        assertThat(suggestions).noneMatch(s -> s.label().contains("shift"));
    }

    @Test
    void namesTheOnetOccupationThroughTheCrosswalk() {
        TitleSuggestion first = index.suggest("CNC machinist", 1).getFirst();
        assertThat(first.uri().toString())
                .isEqualTo("http://data.europa.eu/esco/occupation/5c082067-ea18-4ccb-8c43-e70b18ad8120");
        assertThat(first.onet()).matches("\\d{2}-\\d{4}\\.\\d{2}").startsWith("51-");
    }

    @Test
    void anOnetShortTitleReachesTheEscoOccupationTheCrosswalkMatchesItsOnetOccupationTo() {
        // "Admin Clerk" is O*NET's short title of Office Clerks, General (43-9061.00), which the crosswalk matches
        // exactly to ESCO's office clerk; none of ESCO's labels says "admin clerk"
        assertThat(index.suggest("Admin Clerk", 3))
                .extracting(TitleSuggestion::label)
                .contains("office clerk");
        TitleIndex escoLabelsOnly = new TitleIndex(
                index.occupations(),
                TitleIndex.Settings.LEXICAL.withOnet(TitleIndex.Onet.NONE),
                Calibration.TITLES_LEXICAL);
        assertThat(escoLabelsOnly.suggest("Admin Clerk", 3))
                .extracting(TitleSuggestion::label)
                .doesNotContain("office clerk");
    }

    @Test
    void aSpanishTitleIsNotMatchedAgainstOnetsEnglishTitles() {
        TitleIndex escoLabelsOnly = new TitleIndex(
                index.occupations(),
                TitleIndex.Settings.LEXICAL.withOnet(TitleIndex.Onet.NONE),
                Calibration.TITLES_LEXICAL);
        String spanish = "Directores de departamento de control de calidad";
        assertThat(index.rankAll(spanish)).containsExactly(escoLabelsOnly.rankAll(spanish));
        // an English title still is: the O*NET short title reaches its occupation only through them
        assertThat(index.rankAll("Admin Clerk")).isNotEqualTo(escoLabelsOnly.rankAll("Admin Clerk"));
    }

    @Test
    void aBracketedOnetTitleCountsWithAndWithoutItsBrackets() {
        Set<String> forms = new LinkedHashSet<>();
        OnetTitles.addForms(forms, "Administrative Clerk (Admin Clerk)");
        assertThat(forms).containsExactly("Administrative Clerk (Admin Clerk)", "Administrative Clerk", "Admin Clerk");
    }

    @Test
    void theStructuralPriorsAreScaledToOneAndTheOnetOneMarksExactCrosswalkMatches() {
        for (TitleIndex.Prior kind : List.of(TitleIndex.Prior.LABELS, TitleIndex.Prior.ESSENTIAL_SKILLS)) {
            assertThat(Arrays.stream(index.prior(kind)).max().orElseThrow())
                    .as(kind.name())
                    .isEqualTo(1.0);
        }
        double[] exact = index.prior(TitleIndex.Prior.ONET_EXACT);
        int officeClerk = IntStream.range(0, exact.length)
                .filter(c ->
                        index.occupations().catalogue().get(c).preferredLabel().equals("office clerk"))
                .findFirst()
                .orElseThrow();
        assertThat(exact[officeClerk]).isEqualTo(1.0); // 43-9061.00 Office Clerks, General: exactMatch
        assertThat(Arrays.stream(exact).filter(p -> p == 1).count()).isBetween(1L, exact.length / 5L);
        assertThat(exact).containsOnly(0.0, 1.0);
    }

    @Test
    void scoresAreProbabilitiesBestFirst() {
        List<TitleSuggestion> suggestions = index.suggest("Marketing executive", 10);
        assertThat(suggestions).hasSize(10);
        assertThat(suggestions).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
        assertThat(suggestions)
                .extracting(TitleSuggestion::score)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aTitleOfNoKnownWordsHasNoSuggestions() {
        assertThat(index.suggest("qwxz zzyq", 5)).isEmpty();
    }

    @Test
    void almostEveryOccupationHasAnOnetCode() {
        long with =
                index.occupations().onet().stream().filter(s -> !s.isEmpty()).count();
        assertThat(with).isGreaterThan(index.occupations().catalogue().size() * 9 / 10);
    }
}
