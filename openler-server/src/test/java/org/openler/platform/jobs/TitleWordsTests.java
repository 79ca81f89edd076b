package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleWordsTests {

    @Test
    void scheduleWordsGoAndAbbreviationsAreSpelledOut() {
        assertThat(TitleWords.of("RN – night shift")).isEqualTo("registered nurse");
        assertThat(TitleWords.of("Senior CNC Machinist II (2nd shift)")).isEqualTo("cnc machinist 2nd");
        assertThat(TitleWords.of("LPN, part-time")).isEqualTo("licensed practical nurse");
    }

    @Test
    void commonSpanishJobWordsBecomeEnglish() {
        assertThat(TitleWords.of("Ingeniero de software")).isEqualTo("engineer software");
        assertThat(TitleWords.of("Enfermera registrada, turno de noche")).isEqualTo("nurse registered");
        assertThat(TitleWords.of("Soldador")).isEqualTo("welder");
    }

    @Test
    void aTitleOfNothingButNoiseWordsIsSearchedAsTyped() {
        assertThat(TitleWords.of("Night shift")).isEqualTo("Night shift");
    }
}
