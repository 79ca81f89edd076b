package org.openler.skills.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ESCO 1.1.1 read from the official CSV zips in openler-data; the counts are those its SOURCE.md states. */
class EscoReaderTests {

    static FrameworkData esco;

    @BeforeAll
    static void read() {
        esco = EscoReader.read();
    }

    @Test
    void readsThirteenThousandEightHundredNinetySixSkillsAndKnowledgeConcepts() {
        Map<String, Long> kinds =
                esco.concepts().stream().collect(Collectors.groupingBy(Concept::kind, Collectors.counting()));
        assertThat(kinds.get("skill") + kinds.get("knowledge")).isEqualTo(13_896L);
        assertThat(kinds.get("knowledge")).isEqualTo(3_059L);
        assertThat(kinds.get("skill-group")).isEqualTo(640L);
    }

    @Test
    void readsThreeThousandAndSevenOccupationsWithEssentialAndOptionalSkills() {
        assertThat(esco.occupations()).hasSize(3_007);
        // the relations file has 123,855 rows; 67 of them name occupations that occupations_en.csv does not list
        assertThat(esco.requirements()).hasSize(123_855 - 67);
        assertThat(esco.requirements().stream().filter(Need::essential)).hasSizeBetween(64_946 - 67, 64_946);
    }

    @Test
    void keepsEscosOwnConceptUrisAndAlternativeLabels() {
        Concept staff = esco.concepts().stream()
                .filter(c -> c.uri().equals("http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"))
                .findFirst()
                .orElseThrow();
        assertThat(staff.label()).isEqualTo("manage musical staff");
        assertThat(staff.altLabels())
                .contains("manage music staff", "direct musical staff")
                .doesNotContain("manage musical staff");
        assertThat(staff.description()).startsWith("Assign and manage staff tasks");
    }

    @Test
    void readsTheBroaderRelationsOfTheSkillsPillar() {
        assertThat(esco.broader()).hasSizeGreaterThan(20_000);
    }
}
