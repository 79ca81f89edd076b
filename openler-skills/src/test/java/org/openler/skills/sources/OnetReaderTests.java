package org.openler.skills.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** O*NET 29.3 read from the real files in openler-data; the counts are those its SOURCE.md states. */
class OnetReaderTests {

    static FrameworkData onet;

    @BeforeAll
    static void read() {
        onet = OnetReader.read();
    }

    @Test
    void readsAllOneThousandAndSixteenOccupations() {
        assertThat(onet.occupations()).hasSize(1016);
        assertThat(onet.occupations().stream().filter(o -> o.jobZone() > 0)).hasSize(923);
    }

    @Test
    void readsThirtyFiveSkillsThirtyThreeKnowledgeAreasAndEveryTechnologyProduct() {
        Map<String, Long> kinds =
                onet.concepts().stream().collect(Collectors.groupingBy(Concept::kind, Collectors.counting()));
        assertThat(kinds).containsEntry("skill", 35L).containsEntry("knowledge", 33L);
        assertThat(kinds).containsEntry("technology", 8775L).containsEntry("technology-class", 135L);
    }

    @Test
    void ratedRequirementsJoinImportanceAndLevelForEightHundredSeventyNineOccupations() {
        var rated = onet.requirements().stream()
                .filter(n -> n.source().equals("rated"))
                .toList();
        // one IM and one LV row per occupation and element: 61,530 / 2 skills and 58,014 / 2 knowledge
        assertThat(rated).hasSize(61_530 / 2 + 58_014 / 2);
        assertThat(rated.stream()
                        .filter(n -> n.competencyUri().startsWith(OnetReader.DESCRIPTOR_BASE + "2.A")
                                || n.competencyUri().startsWith(OnetReader.DESCRIPTOR_BASE + "2.B"))
                        .map(Need::occupationUri)
                        .distinct())
                .hasSize(879);
        assertThat(rated).allSatisfy(n -> {
            assertThat(n.weight()).isBetween(0.0, 1.0);
            assertThat(n.proficiency()).isBetween(0, 5);
        });
    }

    @Test
    void chiefExecutivesReadingComprehensionCarriesImportanceAsWeightAndLevelAsProficiency() {
        Need reading = onet.requirements().stream()
                .filter(n -> n.occupationUri().equals(OnetReader.occupationUri("11-1011.00"))
                        && n.competencyUri().equals(OnetReader.DESCRIPTOR_BASE + "2.A.1.a"))
                .findFirst()
                .orElseThrow();
        // IM 4.12 -> (4.12 - 1) / 4 = 0.78; LV 4.62 -> 1 + round(4.62 * 4 / 7) = 4
        assertThat(reading.weight()).isEqualTo(0.78);
        assertThat(reading.proficiency()).isEqualTo(4);
        assertThat(reading.essential()).isTrue();
    }

    @Test
    void technologySkillsKeepTheirHotAndInDemandFlags() {
        var technology = onet.requirements().stream()
                .filter(n -> n.source().equals("technology"))
                .toList();
        assertThat(technology).isNotEmpty();
        assertThat(technology).anyMatch(Need::hot).anyMatch(Need::inDemand).anyMatch(n -> !n.hot());
        Map<String, Concept> byUri =
                onet.concepts().stream().collect(Collectors.toMap(Concept::uri, Function.identity()));
        assertThat(technology.stream()
                        .filter(n -> n.occupationUri().equals(OnetReader.occupationUri("15-1252.00")))
                        .map(n -> byUri.get(n.competencyUri()).label()))
                .contains("Python", "Git", "C++");
    }

    @Test
    void alternateTitlesAndRelatedOccupationsAreRead() {
        var developers = onet.occupations().stream()
                .filter(o -> o.code().equals("15-1252.00"))
                .findFirst()
                .orElseThrow();
        assertThat(developers.title()).isEqualTo("Software Developers");
        assertThat(developers.altTitles()).isNotEmpty();
        assertThat(onet.related()).hasSize(18_460);
    }

    @Test
    void theContentHashIsTheSameOnEveryRead() {
        assertThat(OnetReader.read().info().contentSha256())
                .isEqualTo(onet.info().contentSha256());
    }
}
