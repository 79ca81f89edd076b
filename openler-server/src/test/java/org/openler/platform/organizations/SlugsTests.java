package org.openler.platform.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTests {

    @ParameterizedTest(name = "{0} is a valid slug")
    @ValueSource(strings = {"demo-university", "abc", "a1-b2-c3"})
    void acceptsLowerCaseWordsJoinedByHyphens(String slug) {
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a valid slug")
    @ValueSource(strings = {"", "ab", "-abc", "abc-", "a--b", "ABC", "a b c", "../etc", "café"})
    void rejectsAnythingElse(String slug) {
        assertThat(Slugs.isValid(slug)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Demo University,demo-university",
        "Universidad Politécnica,universidad-politecnica",
        "  A&B  ,a-b",
        "X,x-org"
    })
    void suggestsASlugFromAName(String name, String slug) {
        assertThat(Slugs.fromName(name)).isEqualTo(slug);
        assertThat(Slugs.isValid(Slugs.fromName(name))).isTrue();
    }
}
