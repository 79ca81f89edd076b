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
 * The default engine over a small real part of ESCO 1.1.1 (the skills these sentences name, and every 40th other
 * skill: ~350), with vectors of preferred labels only so that the test embeds in seconds. The full evaluation is
 * {@link SkillExtractionEvaluation}.
 */
class SuggestionEngineTests {

    private static final Set<String> NAMED = Set.of(
            "breed rabbits",
            "Python (computer programming)",
            "English",
            "work in teams",
            "manage musical staff",
            "JavaScript");

    private static OnnxTextEncoder encoder;
    private static SuggestionEngine engine;

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
        engine = new SuggestionEngine(
                catalogue,
                settings,
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight()),
                SemanticRanker.build(
                        catalogue, new SemanticRanker.Texts(false, 1, false, 1), encoder, VectorStore.NONE, p -> {}));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "You will breed and look after rabbits on our farm | breed rabbits",
                "Several years of experience writing Python | Python (computer programming)",
                "Fluent in spoken and written English; any other language is a plus | English",
                "Able to work well with colleagues as part of a team | work in teams",
                "Supervise the staff of a music ensemble | manage musical staff",
                "Front-end development in React and JavaScript, with TypeScript a plus | JavaScript"
            })
    void theSkillASentenceNamesIsAmongTheFirstFive(String sentence, String skill) {
        List<String> top5 = engine.suggest(sentence, 5, ConceptFilter.competencies()).stream()
                .map(s -> s.concept().preferredLabel())
                .toList();
        assertThat(top5).contains(skill);
    }

    @Test
    void suggestionsAreOrderedByTheirScoreAndExplainIt() {
        List<Suggestion> suggestions = engine.suggest("experience with Python and JavaScript", 10, ConceptFilter.ANY);
        assertThat(suggestions).hasSize(10);
        for (int i = 1; i < suggestions.size(); i++) {
            assertThat(suggestions.get(i).score())
                    .isLessThanOrEqualTo(suggestions.get(i - 1).score());
        }
        assertThat(suggestions.getFirst().semantic()).isBetween(0.0, 1.0);
        assertThat(suggestions.getFirst().concept().uri().toString()).startsWith("http://data.europa.eu/esco/skill/");
    }

    @Test
    void eachSuggestionCarriesACalibratedProbabilityThatFallsWithItsScore() {
        List<Suggestion> suggestions = engine.suggest("experience with Python and JavaScript", 10, ConceptFilter.ANY);
        for (int i = 0; i < suggestions.size(); i++) {
            assertThat(suggestions.get(i).probability()).isBetween(0.0, 1.0);
            if (i > 0) {
                assertThat(suggestions.get(i).probability())
                        .as("the calibration never reorders the ranking")
                        .isLessThanOrEqualTo(suggestions.get(i - 1).probability());
            }
        }
        assertThat(suggestions.getFirst().probability())
                .as("a named skill ranked first is more likely right than the tenth suggestion")
                .isGreaterThan(suggestions.getLast().probability() + 0.05);
    }

    @Test
    void onlyTheShippedSettingsAreCalibrated() {
        SuggestionEngine evaluationOnly =
                engine.with(SuggestionEngine.Settings.DEFAULT.with(SuggestionEngine.Fusion.RRF, 0.5));
        assertThat(evaluationOnly.suggest("Python", 3, ConceptFilter.ANY))
                .allSatisfy(s -> assertThat(s.probability()).isNaN());
        assertThat(Calibration.forSkills(SuggestionEngine.Settings.DEFAULT)).isSameAs(Calibration.SKILLS);
        assertThat(Calibration.forSkills(SuggestionEngine.Settings.DEFAULT.with(SuggestionEngine.Fusion.LEXICAL, 1)))
                .isSameAs(Calibration.SKILLS_LEXICAL);
    }
}
