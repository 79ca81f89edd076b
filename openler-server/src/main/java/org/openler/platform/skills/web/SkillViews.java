package org.openler.platform.skills.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.Framework;
import org.openler.platform.skills.Match;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.Requirement;

/** The JSON shapes of the read API: what programs get from the same URLs that show pages to people. */
final class SkillViews {

    private SkillViews() {}

    record FrameworkView(
            String slug,
            String version,
            String name,
            String publisher,
            String licence,
            String attribution,
            String uri,
            String url,
            String format,
            String source,
            String description,
            String importedAt,
            int competencies,
            int occupations,
            String ctdlAsn) {

        /**
         * A test fixture of an import format (the bundled CASE and RSD samples: identifiers on localhost, read from a
         * project's test data, licence unknown), not a framework anyone publishes: listed apart, never as real.
         */
        boolean fixture() {
            String host = URI.create(uri).getHost();
            boolean local = host != null
                    && (host.equals("localhost") || host.startsWith("127.") || host.endsWith(".localhost"));
            boolean testData = source.matches("(?s).*/(tests?|_data|api-test)/.*");
            return local || testData;
        }

        static FrameworkView of(Framework f) {
            return new FrameworkView(
                    f.slug(),
                    f.version(),
                    f.name(),
                    f.publisher(),
                    f.licence(),
                    f.attribution(),
                    f.uri().toString(),
                    SkillPaths.framework(f.ref()),
                    f.format(),
                    f.source(),
                    f.description(),
                    f.importedAt().toString(),
                    f.competencies(),
                    f.occupations(),
                    SkillPaths.framework(f.ref()) + "/ctdl-asn");
        }
    }

    record Ref(String uri, String url, String label, String kind, String framework, String version) {

        static Ref of(Competency c) {
            return new Ref(
                    c.uri().toString(),
                    SkillPaths.competency(c.framework(), c.code()),
                    c.label(),
                    c.kind(),
                    c.framework().slug(),
                    c.framework().version());
        }

        static Ref of(Occupation o) {
            return new Ref(
                    o.uri().toString(),
                    SkillPaths.occupation(o.framework(), o.code()),
                    o.title(),
                    "occupation",
                    o.framework().slug(),
                    o.framework().version());
        }
    }

    record Page<T>(List<T> items, int page, int pageSize, int total) {}

    record FrameworkPage(FrameworkView framework, Page<Ref> competencies) {}

    record OccupationList(FrameworkView framework, Page<Ref> occupations) {}

    record MatchView(String uri, String url, String relation, String label, String crosswalk) {
        static MatchView of(Match m) {
            return new MatchView(
                    m.uri().toString(), SkillPaths.resolve(m.uri().toString()), m.relation(), m.label(), m.crosswalk());
        }
    }

    record CompetencyView(
            String uri,
            String url,
            String code,
            String kind,
            String label,
            List<String> altLabels,
            String description,
            String framework,
            String version,
            List<Ref> broader,
            List<Ref> narrower,
            List<MatchView> matches,
            List<Ref> requiredBy) {}

    record RequirementView(
            String uri,
            String url,
            String label,
            String kind,
            String framework,
            double weight,
            @Nullable Integer proficiency,
            boolean essential,
            String source,
            boolean hotTechnology,
            boolean inDemand) {

        static RequirementView of(Requirement r) {
            return new RequirementView(
                    r.competencyUri().toString(),
                    SkillPaths.competency(r.framework(), r.code()),
                    r.label(),
                    r.kind(),
                    r.framework().slug() + " " + r.framework().version(),
                    r.weight(),
                    r.proficiency() == 0 ? null : r.proficiency(),
                    r.essential(),
                    r.source().code(),
                    r.hotTechnology(),
                    r.inDemand());
        }
    }

    record OccupationView(
            String uri,
            String url,
            String code,
            String title,
            List<String> altTitles,
            String description,
            @Nullable Integer jobZone,
            String framework,
            String version,
            List<RequirementView> requirements,
            List<RequirementView> technologySkills,
            List<Ref> related,
            List<MatchView> matches) {}
}
