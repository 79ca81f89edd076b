package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spanish text reaches ESCO skills through ESCO's own Spanish labels: the shipped engine (default settings, English
 * and Spanish BM25 fused with MiniLM) over a small real part of ESCO 1.1.1 — the skills named here and every 40th
 * other one, about 350 — so that the test embeds in seconds.
 */
class SpanishSuggestionTests {

    private static final Set<String> NAMED = Set.of(
            "perform tungsten inert gas welding",
            "perform metal inert gas welding",
            "Python (computer programming)",
            "work in teams",
            "drive vehicles");

    private static OnnxTextEncoder encoder;
    private static SuggestionEngine engine;
    private static SuggestionEngine englishOnly;

    @BeforeAll
    static void build() {
        List<Concept> all = EscoCatalogue.load(false).concepts();
        List<Concept> part = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 40 == 0 || NAMED.contains(all.get(i).preferredLabel())) {
                part.add(all.get(i));
            }
        }
        Catalogue catalogue = new Catalogue(part);
        encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 2, false);
        var settings = SuggestionEngine.Settings.DEFAULT;
        LexicalRanker lexical =
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight());
        SemanticRanker semantic =
                SemanticRanker.build(catalogue, settings.semanticTexts(), encoder, VectorStore.NONE, p -> {});
        engine =
                new SuggestionEngine(catalogue, settings, lexical, semantic, SpanishLabels.ranker(catalogue, settings));
        englishOnly = new SuggestionEngine(catalogue, settings, lexical, semantic);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static List<String> top(SuggestionEngine engine, String text, int n) {
        return engine.suggest(text, n, ConceptFilter.competencies()).stream()
                .map(s -> s.concept().preferredLabel())
                .toList();
    }

    @Test
    void aWelderSayingSoInSpanishReachesBothWeldingSkills() {
        assertThat(top(engine, "Sé soldar con MIG y TIG", 2))
                .containsExactlyInAnyOrder("perform tungsten inert gas welding", "perform metal inert gas welding");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Programo en Python desde hace años | Python (computer programming)",
                "Me gusta trabajar en equipo | work in teams",
                "Tengo experiencia en conducir vehículos | drive vehicles"
            })
    void aSpanishSentenceFindsItsSkillAmongTheFirstThree(String sentence, String skill) {
        assertThat(top(engine, sentence, 3)).contains(skill);
    }

    @Test
    void englishTextStillRanksAsBefore() {
        String text = "Several years of experience writing Python";
        assertThat(top(engine, text, 1)).isEqualTo(top(englishOnly, text, 1));
    }
}
