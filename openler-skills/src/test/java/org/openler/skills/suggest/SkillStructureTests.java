package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ESCO's structure for the skill mapper, read from the real ESCO 1.1.1 files: the reuse-level prior the engine adds
 * (SkillStructureCrossValidation chose it inside the folds) and the narrower skills the evaluation tried.
 */
class SkillStructureTests {

    private static final String NON_ESCO = "urn:openler:test:not-esco";

    private static Map<String, Concept> esco;
    private static OnnxTextEncoder encoder;

    @BeforeAll
    static void load() {
        esco = EscoCatalogue.load(false).concepts().stream()
                .collect(Collectors.toMap(Concept::preferredLabel, Function.identity(), (a, b) -> a));
        encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 2, false);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theReusePriorRanksTransversalSkillsFirstAndConceptsOutsideEscoLast() {
        Catalogue catalogue = new Catalogue(List.of(
                esco.get("work in teams"),
                esco.get("communication"),
                esco.get("SQL"),
                esco.get("Python (computer programming)"),
                new Concept(
                        NON_ESCO,
                        URI.create(NON_ESCO),
                        "test",
                        "not an ESCO skill",
                        List.of(),
                        "",
                        ConceptKind.COMPETENCY)));

        SkillStructure structure = SkillStructure.of(catalogue, false);

        assertThat(structure.reuse(0)).isEqualTo(SkillStructure.Reuse.TRANSVERSAL);
        assertThat(structure.reuse(1)).isEqualTo(SkillStructure.Reuse.CROSS_SECTOR);
        assertThat(structure.reuse(2)).isEqualTo(SkillStructure.Reuse.SECTOR_SPECIFIC);
        assertThat(structure.reuse(4)).isEqualTo(SkillStructure.Reuse.UNKNOWN);
        assertThat(structure.reusePrior()).containsExactly(1f, 2f / 3, 1f / 3, 1f / 3, 0f);
        assertThat(SkillStructure.reusePriorOf(catalogue))
                .as("the engine's shortcut, from the skills file alone")
                .containsExactly(structure.reusePrior());
    }

    @Test
    void theEnginesQuickScanOfTheSkillsFileReadsTheSameReuseLevelsAsTheCsvReaderForEverySkill() {
        Catalogue all = EscoCatalogue.load(false);

        float[] quick = SkillStructure.reusePriorOf(all);

        assertThat(quick).containsExactly(SkillStructure.of(all, false).reusePrior());
        assertThat(SkillStructure.reuseLevels()).hasSize(13_896);
    }

    @Test
    void aSkillNamedByTwoEntriesOfTheCatalogueHasItsReuseLevelAtBoth() {
        Concept teams = esco.get("work in teams");
        Concept sameSkill =
                new Concept(teams.key(), teams.uri(), teams.framework(), "work as a team", List.of(), "", teams.kind());
        Catalogue catalogue = new Catalogue(List.of(teams, sameSkill));

        assertThat(SkillStructure.of(catalogue, false).reusePrior()).containsExactly(1f, 1f);
        assertThat(SkillStructure.reusePriorOf(catalogue)).containsExactly(1f, 1f);
    }

    @Test
    void aSkillsNarrowerSkillsAreThoseWhoseBroaderSkillItIs() {
        Catalogue catalogue = new Catalogue(List.of(
                esco.get("computer programming"),
                esco.get("Python (computer programming)"),
                esco.get("JavaScript"),
                esco.get("SQL")));

        int[][] narrower = SkillStructure.of(catalogue, false).narrower();

        assertThat(narrower[0]).containsExactlyInAnyOrder(1, 2);
        assertThat(narrower[1]).isEmpty();
        assertThat(narrower[3])
                .as("SQL's broader skill, query languages, is not in this catalogue")
                .isEmpty();
    }

    @Test
    void ofTwoConceptsThatMatchATextEquallyTheTransversalOneComesFirst() {
        Concept teams = esco.get("work in teams");
        Concept sql = esco.get("SQL");
        // the same label under SQL's (sector-specific) URI, listed first so that a plain tie would put it first
        Concept lookalike =
                new Concept(sql.key(), sql.uri(), sql.framework(), teams.preferredLabel(), List.of(), "", sql.kind());
        SuggestionEngine engine = engine(new Catalogue(List.of(lookalike, teams)));

        assertThat(first(engine, "work in teams")).isEqualTo(teams.uri());
        assertThat(first(engine.with(SuggestionEngine.Settings.DEFAULT.withReusePrior(0)), "work in teams"))
                .as("without the prior the tie goes to the first listed")
                .isEqualTo(lookalike.uri());
    }

    private static SuggestionEngine engine(Catalogue catalogue) {
        var settings = SuggestionEngine.Settings.DEFAULT;
        return new SuggestionEngine(
                catalogue,
                settings,
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight()),
                SemanticRanker.build(catalogue, settings.semanticTexts(), encoder, VectorStore.NONE, p -> {}));
    }

    private static URI first(SuggestionEngine engine, String text) {
        return engine.suggest(text, 1, ConceptFilter.ANY).getFirst().concept().uri();
    }
}
