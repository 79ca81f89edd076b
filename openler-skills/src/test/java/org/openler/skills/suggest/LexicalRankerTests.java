package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LexicalRankerTests {

    private static Concept concept(String id, String label, List<String> alternatives, ConceptKind kind, String fw) {
        return new Concept(id, URI.create("https://example.org/" + id), fw, label, alternatives, "", kind);
    }

    private final Catalogue catalogue = new Catalogue(List.of(
            concept("a", "manage musical staff", List.of("direct musical staff"), ConceptKind.COMPETENCY, "esco"),
            concept("b", "JavaScript", List.of("JS", "ECMAScript"), ConceptKind.COMPETENCY, "esco"),
            concept("c", "software developer", List.of("programmer"), ConceptKind.OCCUPATION, "esco"),
            concept("d", "Programming", List.of(), ConceptKind.COMPETENCY, "onet")));

    private final LexicalRanker ranker = new LexicalRanker(catalogue, true, 1.0);

    private List<String> ids(String query, ConceptFilter filter) {
        return ranker.rank(query, filter, 10).stream()
                .map(hit -> catalogue.get(hit.concept()).key())
                .toList();
    }

    @Test
    void stemmingMatchesOtherFormsOfTheLabelsWords() {
        assertThat(ids("managing the musicals staffs", ConceptFilter.ANY))
                .first()
                .isEqualTo("a");
    }

    @Test
    void anAlternativeLabelFindsItsConceptAsTheLabelWould() {
        assertThat(ids("ECMAScript", ConceptFilter.ANY)).containsExactly("b");
        assertThat(ids("programmers wanted", ConceptFilter.ANY)).contains("c");
    }

    @Test
    void aConceptIsReturnedOnceEvenWhenSeveralOfItsLabelsMatch() {
        assertThat(ids("direct manage musical staff", ConceptFilter.ANY)).containsExactly("a");
    }

    @Test
    void filtersKeepOneKindOrOneFramework() {
        assertThat(ids("programmer programming", ConceptFilter.competencies())).containsExactly("d");
        assertThat(ids(
                        "programmer programming",
                        new ConceptFilter(Optional.of(ConceptKind.OCCUPATION), Optional.empty())))
                .containsExactly("c");
        assertThat(ids("programmer programming", new ConceptFilter(Optional.empty(), Optional.of("onet"))))
                .containsExactly("d");
    }

    @Test
    void aTextOfStopWordsOnlyFindsNothingRatherThanEverything() {
        assertThat(ids("the and of", ConceptFilter.ANY)).isEmpty();
        assertThat(ids("", ConceptFilter.ANY)).isEmpty();
    }
}
