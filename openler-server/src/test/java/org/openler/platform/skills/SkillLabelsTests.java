package org.openler.platform.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Spanish labels pages show: ESCO's own where it has one, English otherwise, O*NET only through an exact match. */
class SkillLabelsTests {

    static final Locale ES = Locale.forLanguageTag("es");
    static final String WELDING = "http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc";
    /** In ESCO 1.1.1, not in the older Spanish download. */
    static final String SHOW_INITIATIVE = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f";

    static final SkillLabels LABELS = new SkillLabels();

    @Test
    void anEscoSkillShowsItsSpanishPreferredLabelOnSpanishPagesAndTheEnglishOneOtherwise() {
        assertThat(LABELS.label(URI.create(WELDING), "use welding equipment", ES))
                .isEqualTo("utilizar equipos de soldadura");
        assertThat(LABELS.label(URI.create(WELDING), "use welding equipment", Locale.ENGLISH))
                .isEqualTo("use welding equipment");
        assertThat(LABELS.label(WELDING.replace("http:", "https:"), "use welding equipment", ES))
                .as("the same concept named over https")
                .isEqualTo("utilizar equipos de soldadura");
        assertThat(LABELS.label(WELDING, "use welding equipment", Locale.forLanguageTag("es-MX")))
                .isEqualTo("utilizar equipos de soldadura");
    }

    @Test
    void aSkillWithoutASpanishLabelFallsBackToEnglish() {
        assertThat(LABELS.spanish(SHOW_INITIATIVE)).isEmpty();
        assertThat(LABELS.label(SHOW_INITIATIVE, "show initiative", ES)).isEqualTo("show initiative");
        assertThat(LABELS.of("https://www.onetonline.org/find/descriptor/result/2.A.2.a", "Critical Thinking", ES))
                .as("O*NET skills have no Spanish label")
                .isEqualTo("Critical Thinking");
        assertThat(LABELS.of("urn:uuid:6f1c2c52-0000-4000-8000-000000000000", "State skill", ES))
                .isEqualTo("State skill");
        assertThat(LABELS.of(null, "no URI", ES)).isEqualTo("no URI");
        assertThat(LABELS.of(WELDING, null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void anOnetOccupationWithOneExactCrosswalkMatchTakesThatEscoOccupationsSpanishLabel() {
        // 29-1141.00 Registered Nurses exactMatch "nurse responsible for general care"
        assertThat(LABELS.occupation("29-1141.00", "Registered Nurses", ES))
                .isEqualTo(LABELS.spanish("http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50")
                        .orElseThrow())
                .startsWith("enfermero responsable de cuidados generales");
        assertThat(LABELS.occupation("29-1141.00", "Registered Nurses", Locale.ENGLISH))
                .isEqualTo("Registered Nurses");
    }

    @Test
    void anOnetOccupationWithoutExactlyOneExactMatchKeepsItsEnglishTitle() {
        // Software Developers: only broad matches and an exactISCO group
        assertThat(LABELS.occupation("15-1252.00", "Software Developers", ES)).isEqualTo("Software Developers");
        // Natural Sciences Managers: two exact matches, two different ESCO jobs
        assertThat(LABELS.occupation("11-9121.00", "Natural Sciences Managers", ES))
                .isEqualTo("Natural Sciences Managers");
        assertThat(LABELS.onetSize()).isBetween(400, 490);
    }

    @Test
    void manyLabelsAtOnceKeepTheirOrder() {
        Map<String, String> english = new LinkedHashMap<>();
        english.put(SHOW_INITIATIVE, "show initiative");
        english.put(WELDING, "use welding equipment");
        assertThat(LABELS.labels(english, ES))
                .containsExactly(
                        Map.entry(SHOW_INITIATIVE, "show initiative"),
                        Map.entry(WELDING, "utilizar equipos de soldadura"));
        assertThat(LABELS.size()).isGreaterThan(16_000);
    }

    @Test
    void theTableCostsAFewMegabytesOfHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        long before = settled(memory);
        long started = System.nanoTime();
        SkillLabels another = new SkillLabels();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long after = settled(memory);
        System.out.printf(
                "SkillLabels: %d ESCO labels, %d O*NET via exact match, about %.1f MB of heap, loaded in %d ms%n",
                another.size(), another.onetSize(), (after - before) / 1e6, millis);
        assertThat(another.size()).isEqualTo(LABELS.size());
        assertThat(after - before).isLessThan(8_000_000);
    }

    private static long settled(java.lang.management.MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
