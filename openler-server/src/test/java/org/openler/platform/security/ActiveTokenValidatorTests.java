package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActiveTokenValidatorTests {

    @Test
    void metadataWithoutTheInvalidatedFlagIsActive() {
        assertThat(ActiveTokenValidator.invalidated("{\"@class\":\"java.util.Collections$UnmodifiableMap\"}"))
                .isFalse();
    }

    @Test
    void metadataMarkedNotInvalidatedIsActive() {
        assertThat(ActiveTokenValidator.invalidated("{\"metadata.token.invalidated\":false}"))
                .isFalse();
    }

    @Test
    void metadataMarkedInvalidatedIsRevoked() {
        assertThat(ActiveTokenValidator.invalidated("{\"metadata.token.invalidated\":true}"))
                .isTrue();
    }

    @Test
    void unreadableMetadataCountsAsRevoked() {
        assertThat(ActiveTokenValidator.invalidated("{not json")).isTrue();
        assertThat(ActiveTokenValidator.invalidated("{\"metadata.token.invalidated\":\"maybe\"}"))
                .isTrue();
    }
}
