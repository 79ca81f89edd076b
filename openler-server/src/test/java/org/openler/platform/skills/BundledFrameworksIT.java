package org.openler.platform.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bundled frameworks loaded into the real PostgreSQL: counts as the sources state them, a second load that
 * changes nothing, and the O*NET occupations without ratings (Software Developers) given requirements through the
 * crosswalk and their technology skills.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledFrameworksIT {

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    Frameworks frameworks;

    @Autowired
    Occupations occupations;

    @Autowired
    Competencies competencies;

    @Autowired
    JdbcClient jdbc;

    List<ImportOutcome> first;

    @BeforeAll
    void load() {
        first = bundled.loadAll();
        first.forEach(o -> System.out.printf(
                "Import %s %s on PostgreSQL: %.1f s (%s)%n",
                o.framework().slug(),
                o.framework().version(),
                o.seconds(),
                o.getClass().getSimpleName()));
    }

    @Test
    void storesTheCountsTheSourcesState() {
        Framework esco = frameworks.find("esco", "1.1.1").orElseThrow();
        Framework onet = frameworks.find("onet", "29.3").orElseThrow();
        assertThat(occupations.count(esco.id())).isEqualTo(3_007);
        assertThat(occupations.count(onet.id())).isEqualTo(1_016);
        assertThat(jdbc.sql(
                                "select count(*) from skill_competency where framework_id = ? and kind in ('skill', 'knowledge')")
                        .param(esco.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(13_896);
        assertThat(esco.attribution()).contains("ESCO classification of the European Commission");
        assertThat(onet.attribution()).contains("O*NET 29.3 Database");
    }

    @Test
    void loadingTheSameFrameworksAgainChangesNothing() {
        String before = fingerprint();
        List<ImportOutcome> again = bundled.loadAll();
        assertThat(again).allMatch(o -> o instanceof ImportOutcome.Unchanged);
        assertThat(again)
                .extracting(o -> o.framework().id())
                .containsExactlyElementsOf(
                        first.stream().map(o -> o.framework().id()).toList());
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** A shutdown (SkillsStartup.destroy) stops the load between two frameworks: the one begun ends, no other starts. */
    @Test
    void aStopAskedAfterTheFirstFrameworkLoadsNoOther() {
        AtomicInteger asked = new AtomicInteger();
        List<ImportOutcome> stopped = bundled.loadAll(() -> asked.incrementAndGet() > 1);
        assertThat(stopped).extracting(o -> o.framework().slug()).containsExactly("onet");
        assertThat(asked).hasValue(2);
        assertThat(bundled.loadAll(() -> true)).isEmpty();
    }

    @Test
    void softwareDevelopersHaveRequirementsThroughTheCrosswalkAndTheirTechnologySkills() {
        Occupation developers = occupations
                .byUri(URI.create("https://www.onetonline.org/link/summary/15-1252.00"))
                .orElseThrow();
        assertThat(developers.title()).isEqualTo("Software Developers");
        List<Requirement> requirements = occupations.requirements(new OccupationId(developers.id()));
        assertThat(requirements).noneMatch(r -> r.source() == RequirementSource.RATED);
        List<Requirement> borrowed = requirements.stream()
                .filter(r -> r.source() == RequirementSource.CROSSWALK)
                .toList();
        assertThat(borrowed).isNotEmpty().allMatch(r -> r.framework().slug().equals("esco"));
        assertThat(borrowed)
                .extracting(Requirement::label)
                .anyMatch(l -> l.contains("software") || l.contains("programming"));
        assertThat(requirements).anyMatch(r -> r.source() == RequirementSource.TECHNOLOGY && r.inDemand());
        assertThat(requirements.getFirst().weight())
                .isGreaterThanOrEqualTo(requirements.getLast().weight());
    }

    @Test
    void everyDataLevelOnetOccupationHasRequirements() {
        Framework onet = frameworks.find("onet", "29.3").orElseThrow();
        int withJobZoneButNoRequirements = jdbc.sql("select count(*) from skill_occupation o where o.framework_id = ?"
                        + " and o.job_zone is not null and not exists"
                        + " (select 1 from skill_requirement r where r.occupation_id = o.id)")
                .param(onet.id().value())
                .query(Integer.class)
                .single();
        assertThat(withJobZoneButNoRequirements).isZero();
    }

    private String fingerprint() {
        return jdbc.sql(
                        "select (select count(*) from skill_framework) || '/' || (select count(*) from skill_competency)"
                                + " || '/' || (select count(*) from skill_competency_label) || '/'"
                                + " || (select count(*) from skill_requirement) || '/' || (select count(*) from skill_crosswalk)"
                                + " || '/' || (select count(*) from skill_occupation_related)")
                .query(String.class)
                .single();
    }
}
