package org.openler.platform.skills.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.CompetencyId;
import org.openler.platform.skills.Framework;
import org.openler.platform.skills.Frameworks;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.OccupationId;
import org.openler.platform.skills.Occupations;
import org.openler.platform.skills.RequirementSource;
import org.openler.platform.skills.web.SkillViews.CompetencyView;
import org.openler.platform.skills.web.SkillViews.FrameworkPage;
import org.openler.platform.skills.web.SkillViews.FrameworkView;
import org.openler.platform.skills.web.SkillViews.MatchView;
import org.openler.platform.skills.web.SkillViews.OccupationList;
import org.openler.platform.skills.web.SkillViews.OccupationView;
import org.openler.platform.skills.web.SkillViews.Page;
import org.openler.platform.skills.web.SkillViews.Ref;
import org.openler.platform.skills.web.SkillViews.RequirementView;
import org.springframework.stereotype.Component;

/** What the pages and the JSON API show, read once for both; anything unknown is a 404 with what was asked. */
@Component
class SkillReads {

    static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE = 100_000;

    private final Frameworks frameworks;
    private final Competencies competencies;
    private final Occupations occupations;

    SkillReads(Frameworks frameworks, Competencies competencies, Occupations occupations) {
        this.frameworks = frameworks;
        this.competencies = competencies;
        this.occupations = occupations;
    }

    List<FrameworkView> frameworks() {
        return frameworks.all().stream().map(FrameworkView::of).toList();
    }

    Framework framework(String slug, String version) {
        return frameworks
                .find(slug, version)
                .orElseThrow(() -> new PlatformException(
                        Problem.NOT_FOUND, "No framework " + slug + " " + version + " is stored."));
    }

    FrameworkPage frameworkPage(String slug, String version, int page) {
        Framework f = framework(slug, version);
        int p = page(page);
        List<Ref> items = competencies.page(f.id(), (p - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(Ref::of)
                .toList();
        return new FrameworkPage(FrameworkView.of(f), new Page<>(items, p, PAGE_SIZE, f.competencies()));
    }

    OccupationList occupationList(String slug, String version, int page) {
        Framework f = framework(slug, version);
        int p = page(page);
        List<Ref> items = occupations.page(f.id(), (p - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(Ref::of)
                .toList();
        return new OccupationList(FrameworkView.of(f), new Page<>(items, p, PAGE_SIZE, f.occupations()));
    }

    CompetencyView competency(String slug, String version, String code) {
        Framework f = framework(slug, version);
        Competency c = competencies
                .byCode(f.id(), code)
                .orElseThrow(() -> new PlatformException(
                        Problem.NOT_FOUND, "No competency " + code + " in " + slug + " " + version + "."));
        return new CompetencyView(
                c.uri().toString(),
                SkillPaths.competency(c.framework(), c.code()),
                c.code(),
                c.kind(),
                c.label(),
                c.altLabels(),
                c.description(),
                f.slug(),
                f.version(),
                competencies.broader(new CompetencyId(c.id())).stream()
                        .map(Ref::of)
                        .toList(),
                competencies.narrower(new CompetencyId(c.id()), 200).stream()
                        .map(Ref::of)
                        .toList(),
                competencies.matches(c.uri()).stream().map(MatchView::of).toList(),
                occupations.requiring(new CompetencyId(c.id()), 100).stream()
                        .map(Ref::of)
                        .toList());
    }

    OccupationView occupation(String slug, String version, String code) {
        Framework f = framework(slug, version);
        Occupation o = occupations
                .byCode(f.id(), code)
                .orElseThrow(() -> new PlatformException(
                        Problem.NOT_FOUND, "No occupation " + code + " in " + slug + " " + version + "."));
        List<RequirementView> all = occupations.requirements(new OccupationId(o.id())).stream()
                .map(RequirementView::of)
                .toList();
        String technology = RequirementSource.TECHNOLOGY.code();
        return new OccupationView(
                o.uri().toString(),
                SkillPaths.occupation(o.framework(), o.code()),
                o.code(),
                o.title(),
                o.altTitles(),
                o.description(),
                o.jobZone() == 0 ? null : o.jobZone(),
                f.slug(),
                f.version(),
                all.stream().filter(r -> !r.source().equals(technology)).toList(),
                all.stream().filter(r -> r.source().equals(technology)).toList(),
                occupations.related(new OccupationId(o.id())).stream()
                        .map(Ref::of)
                        .toList(),
                competencies.matches(o.uri()).stream().map(MatchView::of).toList());
    }

    /** The platform URL of a source URI: a competency's, else an occupation's, else a framework's. */
    String resolve(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new PlatformException(Problem.INVALID_INPUT, "uri is not a URI.");
        }
        var competency = competencies.byUri(parsed);
        if (competency.isPresent()) {
            return SkillPaths.competency(
                    competency.get().framework(), competency.get().code());
        }
        var occupation = occupations.byUri(parsed);
        if (occupation.isPresent()) {
            return SkillPaths.occupation(
                    occupation.get().framework(), occupation.get().code());
        }
        return frameworks.all().stream()
                .filter(f -> f.uri().equals(parsed))
                .findFirst()
                .map(f -> SkillPaths.framework(f.ref()))
                .orElseThrow(() -> new PlatformException(Problem.NOT_FOUND, "No stored framework defines " + uri));
    }

    private static int page(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new PlatformException(Problem.INVALID_INPUT, "page is a number from 1.");
        }
        return page;
    }
}
