package org.openler.standards.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;

class SlugTests {

    private static final String SIXTY_THREE = "a".repeat(63);
    private static final String SIXTY_FOUR = "a".repeat(64);

    @Test
    void aSlugOfSixtyThreeCharactersIsAcceptedAndMakesADid() {
        assertThat(Slug.isValid(SIXTY_THREE)).isTrue();
        assertThat(DidWeb.forOrganization("localhost:8080", SIXTY_THREE).value())
                .isEqualTo("did:web:localhost%3A8080:orgs:" + SIXTY_THREE);
    }

    @Test
    void aSlugOfSixtyFourCharactersIsRefusedWithTheRuleBySignUpAndByDidWebAlike() {
        assertThat(Slug.isValid(SIXTY_FOUR)).isFalse();
        assertThat(Slug.parse(SIXTY_FOUR)).isEmpty();
        assertThatThrownBy(() -> DidWeb.forOrganization("localhost", SIXTY_FOUR))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining(Slug.RULE);
    }

    @Test
    void aSlugSuggestedFromAVeryLongNameFollowsTheRule() {
        Slug slug = Slug.fromName("The " + "Very ".repeat(30) + "Long Institute of Technology");
        assertThat(slug.value()).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH).doesNotEndWith("-");
        assertThat(Slug.isValid(slug.value())).isTrue();
        assertThat(DidWeb.forOrganization("localhost", slug).value()).endsWith(":orgs:" + slug.value());
    }

    @Test
    void hyphensOnlyJoinWords() {
        assertThat(Slug.isValid("demo-university")).isTrue();
        assertThat(Slug.isValid("demo--university")).isFalse();
        assertThat(Slug.isValid("-demo")).isFalse();
        assertThat(Slug.isValid("demo-")).isFalse();
        assertThat(Slug.isValid("ab")).isFalse();
    }
}
