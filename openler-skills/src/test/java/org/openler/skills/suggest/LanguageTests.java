package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whether a text reads as Spanish, against ESCO's occupation labels in both languages. */
class LanguageTests {

    private static Language language;

    @BeforeAll
    static void build() {
        Catalogue occupations = OccupationCatalogue.bundled().catalogue();
        language = new Language(occupations, SpanishLabels.translate(occupations));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Limpiadoras", "Electricistas", "Peluqueras", "CAMARERAS DE PISO"})
    void aPluralSpanishTitleReadsAsSpanishThoughNoLabelSpellsItThatWay(String title) {
        assertThat(language.spanish(title)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cleaners", "Electricians", "Hairdressers", "Software developers", "Admin Clerk"})
    void anEnglishTitleStillReadsAsEnglish(String title) {
        assertThat(language.spanish(title)).isFalse();
    }
}
