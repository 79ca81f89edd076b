package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spanish job titles through the shipped title mapper (the lexical fallback, so no model is loaded): Spanish titles are
 * ranked mainly on ESCO's Spanish labels ({@link TitleIndex.Spanish#DEFAULT}). Before, "de" matched English labels such
 * as "chef de partie" and "aircraft de-icer installer", and false friends ("conductor") their English lookalikes.
 */
class SpanishTitleTests {

    private static TitleIndex index;

    @BeforeAll
    static void build() {
        index = TitleIndex.bundled();
    }

    private static List<String> labels(String title, int top) {
        return index.suggest(title, top).stream().map(TitleSuggestion::label).toList();
    }

    @Test
    void aFeminineSpanishTitleReachesItsOccupationFirst() {
        assertThat(labels("Profesora de primaria", 1)).containsExactly("primary school teacher");
    }

    @Test
    void aPluralFeminineSpanishTitleReachesTheOccupationItsSingularLabelsName() {
        assertThat(labels("Limpiadoras", 1)).containsExactly("domestic cleaner");
    }

    @Test
    void theSpanishWordDeDoesNotPullATitleTowardEnglishLabelsThatContainIt() {
        assertThat(labels("Técnico de mantenimiento", 3))
                .doesNotContain("aircraft de-icer installer", "chef")
                .first()
                .asString()
                .contains("maintenance");
    }

    @Test
    void aSpanishFalseFriendDoesNotReachItsEnglishLookalike() {
        // "conductor" is a driver in Spanish and a train or orchestra conductor in English
        assertThat(labels("Conductores de camión", 3))
                .noneMatch(l -> l.contains("conductor"))
                .first()
                .asString()
                .contains("driver");
    }

    @Test
    void anEnglishTitleIsRankedAsBefore() {
        OccupationCatalogue occupations = index.occupations();
        TitleIndex before = new TitleIndex(
                occupations,
                TitleIndex.Settings.LEXICAL,
                Calibration.TITLES_LEXICAL,
                null,
                TitleIndex.Spanish.AS_ENGLISH,
                SpanishLabels.translate(occupations.catalogue()));
        for (String title : List.of("Software developer", "Truck driver - night shift", "Admin Clerk")) {
            assertThat(index.rankAll(title)).as(title).containsExactly(before.rankAll(title));
        }
    }
}
