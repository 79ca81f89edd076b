package org.openler.skills.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuerySpansTests {

    @Test
    void clausesSplitAtPunctuationAndConjunctions() {
        assertThat(QuerySpans.CLAUSES.of("experience with Java, Kotlin and SQL; agile teams"))
                .containsExactly("experience", "Java", "Kotlin", "SQL", "agile teams");
    }

    @Test
    void aTextWithoutBreaksHasNoSpansBesideItself() {
        assertThat(QuerySpans.CLAUSES.of("javascript reactjs java")).isEmpty();
        assertThat(QuerySpans.NONE.of("Java, Kotlin")).isEmpty();
    }

    @Test
    void windowsAddFourWordSpansInsideLongClauses() {
        assertThat(QuerySpans.WINDOWS.of("design build and operate distributed data pipelines at scale"))
                .containsExactly(
                        "design build",
                        "operate distributed data pipelines at scale",
                        "operate distributed data pipelines",
                        "data pipelines at scale");
    }

    @Test
    void aVeryLongTextYieldsABoundedNumberOfSpans() {
        String text = "word, ".repeat(500) + "end";
        assertThat(QuerySpans.WINDOWS.of(text)).hasSizeLessThanOrEqualTo(QuerySpans.MAX_SPANS);
    }
}
