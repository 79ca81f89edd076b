package org.openler.platform.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.load.FrameworkImports;
import org.openler.platform.support.FrameworkImportEvents;
import org.openler.platform.support.PlatformTest;
import org.openler.skills.sources.CustomFormat;
import org.openler.skills.sources.NiceReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Versions and re-imports on the real PostgreSQL: the same content again changes nothing and publishes nothing; a new
 * version goes beside the old one, whose competencies stay as they were; the same version with other content is
 * refused; a file with a cycle changes nothing; {@link FrameworkImported} arrives once the import is committed.
 */
@PlatformTest
class FrameworkVersionsIT {

    @Autowired
    FrameworkImports imports;

    @Autowired
    Frameworks frameworks;

    @Autowired
    Competencies competencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FrameworkImportEvents events;

    private static byte[] casePackage(String title, String version, String statement) {
        String json = """
                {"CFDocument": {"identifier": "c5f0a7de-1111-4222-8333-944455556666",
                  "uri": "https://example.org/case/doc", "creator": "Example State", "title": "%s",
                  "version": "%s", "lastChangeDateTime": "2025-01-01T00:00:00+00:00"},
                 "CFItems": [
                  {"identifier": "c5f0a7de-1111-4222-8333-000000000001", "uri": "https://example.org/case/1",
                   "fullStatement": "%s", "humanCodingScheme": "A.1", "lastChangeDateTime": "2025-01-01T00:00:00+00:00"},
                  {"identifier": "c5f0a7de-1111-4222-8333-000000000002", "uri": "https://example.org/case/2",
                   "fullStatement": "Second item", "humanCodingScheme": "A.2", "lastChangeDateTime": "2025-01-01T00:00:00+00:00"}],
                 "CFAssociations": [
                  {"identifier": "c5f0a7de-1111-4222-8333-000000000003", "uri": "https://example.org/case/a1",
                   "associationType": "isChildOf", "lastChangeDateTime": "2025-01-01T00:00:00+00:00",
                   "originNodeURI": {"title": "A.2", "identifier": "c5f0a7de-1111-4222-8333-000000000002", "uri": "https://example.org/case/2"},
                   "destinationNodeURI": {"title": "A.1", "identifier": "c5f0a7de-1111-4222-8333-000000000001", "uri": "https://example.org/case/1"}}]}
                """.formatted(title, version, statement);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private ImportOutcome load(byte[] bytes) {
        return imports.load(() -> CustomFormat.CASE.read(bytes, "test", ""));
    }

    @Test
    void aNewVersionGoesBesideTheOldOneWhichStaysAsItWas() {
        ImportOutcome v1 = load(casePackage("Versions Test", "1.0", "First item"));
        ImportOutcome v2 = load(casePackage("Versions Test", "2.0", "First item, reworded"));
        assertThat(v1).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(v2).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(frameworks.all())
                .filteredOn(f -> f.slug().equals("case-versions-test"))
                .extracting(Framework::version)
                .containsExactlyInAnyOrder("1.0", "2.0");
        Competency old = competencies.byCode(v1.framework().id(), "A.1").orElseThrow();
        Competency current = competencies.byCode(v2.framework().id(), "A.1").orElseThrow();
        assertThat(old.label()).isEqualTo("First item");
        assertThat(current.label()).isEqualTo("First item, reworded");
        assertThat(old.uri()).isEqualTo(current.uri());
        assertThat(old.framework().version()).isEqualTo("1.0");
        // a source URI resolves to the newest version; each version keeps its own
        assertThat(competencies.byUri(old.uri()).orElseThrow().framework().version())
                .isEqualTo("2.0");
        assertThat(competencies
                        .byUri(v1.framework().id(), old.uri())
                        .orElseThrow()
                        .label())
                .isEqualTo("First item");
        assertThat(competencies.broader(new CompetencyId(current.id()))).isEmpty();
        assertThat(competencies.narrower(new CompetencyId(current.id()), 10))
                .extracting(Competency::code)
                .containsExactly("A.2");
    }

    @Test
    void theSameContentAgainChangesNothingAndPublishesNothing() {
        byte[] bytes = casePackage("Idempotence Test", "1", "Only item");
        ImportOutcome first = load(bytes);
        int eventsAfterFirst = events.seen().size();
        String before = fingerprint();
        ImportOutcome again = load(bytes);
        assertThat(again).isInstanceOf(ImportOutcome.Unchanged.class);
        assertThat(again.framework().id()).isEqualTo(first.framework().id());
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(events.seen()).hasSize(eventsAfterFirst);

        // a bundled reader read again takes the content-hash path too
        ImportOutcome nice = imports.load(NiceReader::read);
        String withNice = fingerprint();
        assertThat(imports.load(NiceReader::read)).isInstanceOf(ImportOutcome.Unchanged.class);
        assertThat(fingerprint()).isEqualTo(withNice);
        assertThat(nice.framework().occupations()).isEqualTo(41);
    }

    @Test
    void theSameVersionWithOtherContentIsRefusedAndChangesNothing() {
        load(casePackage("Conflict Test", "1", "Original"));
        String before = fingerprint();
        assertThatThrownBy(() -> load(casePackage("Conflict Test", "1", "Changed")))
                .isInstanceOf(PlatformException.class)
                .satisfies(e -> assertThat(((PlatformException) e).problem()).isEqualTo(Problem.CONFLICT));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aFileThatCannotBeReadChangesNothing() {
        String before = fingerprint();
        byte[] cyclic = new String(casePackage("Cycle Test", "1", "x"), StandardCharsets.UTF_8)
                .replace(
                        "\"CFAssociations\": [",
                        "\"CFAssociations\": [{\"identifier\": \"c5f0a7de-1111-4222-8333-000000000009\","
                                + " \"uri\": \"https://example.org/case/a9\", \"associationType\": \"isChildOf\","
                                + " \"lastChangeDateTime\": \"2025-01-01T00:00:00+00:00\", \"originNodeURI\": {\"title\":"
                                + " \"A.1\", \"identifier\": \"c5f0a7de-1111-4222-8333-000000000001\", \"uri\":"
                                + " \"https://example.org/case/1\"}, \"destinationNodeURI\": {\"title\": \"A.2\","
                                + " \"identifier\": \"c5f0a7de-1111-4222-8333-000000000002\", \"uri\":"
                                + " \"https://example.org/case/2\"}},")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(cyclic))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> imports.load(() -> CustomFormat.RSD_CSV.read(new byte[] {'"'}, "t", "x")))
                .isInstanceOf(PlatformException.class);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void frameworkImportedArrivesAfterTheImportCommitted() {
        ImportOutcome outcome = load(casePackage("Event Test", "1", "Evented"));
        assertThat(events.seen()).contains("case-event-test 1 2");
        assertThat(outcome.framework().competencies()).isEqualTo(2);
    }

    private String fingerprint() {
        return jdbc.sql(
                        "select (select count(*) from skill_framework) || '/' || (select count(*) from skill_competency)"
                                + " || '/' || (select count(*) from skill_competency_broader) || '/'"
                                + " || (select count(*) from skill_requirement) || '/' || (select count(*) from skill_crosswalk)")
                .query(String.class)
                .single();
    }
}
