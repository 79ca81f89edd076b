package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An aligned skill's framework is named with its version once (chips read "O*NET 29.3 Database 29.3"). */
class FrameworkNameTests {

    @Test
    void aFrameworkWhoseNameCarriesItsVersionIsNotGivenItTwice() {
        assertThat(Achievements.withVersion("O*NET 29.3 Database", "29.3")).isEqualTo("O*NET 29.3 Database");
        assertThat(Achievements.withVersion("ESCO (European Skills) v1.1.1", "1.1.1"))
                .isEqualTo("ESCO (European Skills) v1.1.1");
    }

    @Test
    void aFrameworkWhoseNameLacksItsVersionIsGivenIt() {
        assertThat(Achievements.withVersion("NICE Framework", "2.0.0")).isEqualTo("NICE Framework 2.0.0");
        assertThat(Achievements.withVersion("Local skills", "")).isEqualTo("Local skills");
    }
}
