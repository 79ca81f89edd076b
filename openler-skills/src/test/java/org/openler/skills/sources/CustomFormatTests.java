package org.openler.skills.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic readers over the real samples in openler-data (CASE, CTDL-ASN, RSD), and over bad input. */
class CustomFormatTests {

    private static byte[] sample(String path) {
        return new Bundle().bytes(path);
    }

    static Stream<Arguments> casePackages() {
        // file, items (SOURCE.md), isChildOf associations between items
        return Stream.of(
                Arguments.of("EmptyExternalFramework.json", 0),
                Arguments.of("AdoptedTestFramework.json", 1),
                Arguments.of("ItemTypeTestFramework.json", 1),
                Arguments.of("MarkdownFramework.json", 2),
                Arguments.of("SequenceNumberFramework.json", 2),
                Arguments.of("SmartLevelFramework.json", 14),
                Arguments.of("Utf8TestFramework.json", 1),
                Arguments.of("Ordering.json", 28));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casePackages")
    void readsEveryItemOfTheOpenSaltCasePackages(String file, int items) {
        FrameworkData data = CustomFormat.CASE.read(sample("case/tests/_data/" + file), file, "");
        assertThat(data.concepts()).hasSize(items);
        assertThat(data.info().slug()).startsWith("case-");
        assertThat(data.info().format()).isEqualTo("case");
    }

    @Test
    void theCaseTreeBecomesTheHierarchy() {
        FrameworkData data = CustomFormat.CASE.read(sample("case/tests/_data/SmartLevelFramework.json"), "t", "");
        // 14 isChildOf associations, some of which hang items under the document itself
        assertThat(data.broader()).isNotEmpty().hasSizeLessThanOrEqualTo(14);
    }

    @Test
    void aCasePackageWithACycleIsRefused() {
        String json = new String(sample("case/tests/_data/SmartLevelFramework.json"), StandardCharsets.UTF_8);
        FrameworkData ok = CustomFormat.CASE.read(json.getBytes(StandardCharsets.UTF_8), "t", "");
        Link edge = ok.broader().getFirst();
        // add the reverse association: the parent becomes a child of its own child
        String reverse = "{\"identifier\": \"0f4a7e3c-0000-4000-8000-000000000001\", \"uri\": \"urn:x:cycle\","
                + " \"lastChangeDateTime\": \"2020-01-01T00:00:00+00:00\", \"associationType\": \"isChildOf\","
                + " \"originNodeURI\": {\"title\": \"a\", \"identifier\": \"0f4a7e3c-0000-4000-8000-000000000002\", \"uri\": \""
                + edge.toUri() + "\"}, \"destinationNodeURI\": {\"title\": \"b\", \"identifier\":"
                + " \"0f4a7e3c-0000-4000-8000-000000000003\", \"uri\": \"" + edge.fromUri() + "\"}},";
        String cyclic = json.replaceFirst("\"CFAssociations\"\\s*:\\s*\\[", "\"CFAssociations\": [" + reverse);
        assertThatThrownBy(() -> CustomFormat.CASE.read(cyclic.getBytes(StandardCharsets.UTF_8), "t", ""))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void aPackageThatBreaksTheCaseSchemaIsRefusedWithTheReason() {
        assertThatThrownBy(() -> CustomFormat.CASE.read("{\"CFItems\": []}".getBytes(StandardCharsets.UTF_8), "t", ""))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("CFPackage schema");
        assertThatThrownBy(() -> CustomFormat.CASE.read("{\"CFDocument\": ".getBytes(StandardCharsets.UTF_8), "t", ""))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void readsTheCredentialRegistrysCtdlAsnSeedFramework() {
        // the seeds hold 2 frameworks in one file; a framework upload holds one, so take the first with its
        // competencies
        String frameworks =
                new String(sample("ctdl/db/seeds/ce_registry/competency_framework.json"), StandardCharsets.UTF_8);
        String competencies = new String(sample("ctdl/db/seeds/ce_registry/competency.json"), StandardCharsets.UTF_8);
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var first = mapper.readTree(frameworks).get(0);
        String graph = "{\"@context\": \"https://credreg.net/ctdlasn/schema/context/json\", \"@graph\": [" + first + ","
                + competencies.strip().substring(1, competencies.strip().length() - 1) + "]}";
        FrameworkData data = CustomFormat.CTDL_ASN.read(graph.getBytes(StandardCharsets.UTF_8), "seed", "");
        assertThat(data.info().name()).isEqualTo("Georgia Standards of Excellence");
        assertThat(data.info().uri()).startsWith(CtdlAsnReader.REGISTRY + "ce-");
        assertThat(data.concepts()).hasSize(5);
        assertThat(data.concepts()).extracting(Concept::label).contains("Kindergarten");
        assertThat(data.mappings()).isNotEmpty();
    }

    @Test
    void aCtdlDocumentWithoutAFrameworkIsRefused() {
        assertThatThrownBy(
                        () -> CustomFormat.CTDL_ASN.read(sample("ctdl/db/seeds/ce_registry/competency.json"), "t", ""))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("no ceasn:CompetencyFramework");
    }

    @Test
    void readsRsdCollectionsInTheV2AndV3Shapes() {
        for (String version : new String[] {"v2", "v3"}) {
            byte[] json = sample("rsd/test/api-test/api/" + version + "/collections/{uuid}/get.json");
            FrameworkData data = CustomFormat.RSD.read(json, version, "fallback");
            assertThat(data.info().slug()).isEqualTo("rsd-it-network");
            assertThat(data.concepts())
                    .filteredOn(c -> c.kind().equals("skill"))
                    .isNotEmpty();
            assertThat(data.concepts())
                    .filteredOn(c -> c.kind().equals("skill"))
                    .allSatisfy(c -> assertThat(c.uri()).startsWith("http://localhost:8080/api/skills/"));
        }
    }

    @Test
    void readsASingleRichSkillDescriptorAndAListOfSkills() {
        FrameworkData one = CustomFormat.RSD.read(sample("rsd/test/api-test/api/v3/skills/{uuid}/get.json"), "t", "x");
        assertThat(one.concepts()).filteredOn(c -> c.kind().equals("skill")).hasSize(1);
        FrameworkData list =
                CustomFormat.RSD.read(sample("rsd/test/api-test/api/v3/skills/get.json"), "t", "OSMT list");
        assertThat(list.info().slug()).isEqualTo("rsd-osmt-list");
        assertThat(list.concepts()).filteredOn(c -> c.kind().equals("skill")).hasSizeGreaterThan(10);
    }

    @Test
    void readsTheRsdBatchImportCsv() {
        FrameworkData data = CustomFormat.RSD_CSV.read(sample("rsd/import/Skills-Import.csv"), "t", ".NET skills");
        assertThat(data.concepts())
                .filteredOn(c -> c.kind().equals("skill"))
                .extracting(Concept::label)
                .containsExactly("Data and Data Store Access", "Large-Scale Web Application Build");
        assertThat(data.concepts())
                .filteredOn(c -> c.kind().equals("skill"))
                .first()
                .satisfies(c -> assertThat(c.altLabels()).contains("ADO.NET"));
        assertThat(data.mappings()).hasSize(2);
    }

    @Test
    void aCsvWithoutTheBatchImportHeaderIsRefused() {
        assertThatThrownBy(() -> CustomFormat.RSD_CSV.read("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "t", "x"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("Skill Name");
        assertThatThrownBy(() ->
                        CustomFormat.RSD_CSV.read("Skill Name\n\"open".getBytes(StandardCharsets.UTF_8), "t", "x"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("quoted");
    }
}
