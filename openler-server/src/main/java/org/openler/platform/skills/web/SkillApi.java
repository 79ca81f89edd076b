package org.openler.platform.skills.web;

import java.util.List;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.skills.web.SkillViews.CompetencyView;
import org.openler.platform.skills.web.SkillViews.FrameworkPage;
import org.openler.platform.skills.web.SkillViews.FrameworkView;
import org.openler.platform.skills.web.SkillViews.OccupationList;
import org.openler.platform.skills.web.SkillViews.OccupationView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ontology's read API: the same URLs as the pages, answering JSON to {@code Accept: application/json}. Public:
 * the frameworks are public data.
 */
@RestController
class SkillApi {

    private final SkillReads reads;

    SkillApi(SkillReads reads) {
        this.reads = reads;
    }

    @GetMapping(value = "/skills", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    List<FrameworkView> frameworks() {
        return reads.frameworks();
    }

    @GetMapping(value = "/skills/{slug}/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    FrameworkPage framework(
            @PathVariable String slug, @PathVariable String version, @RequestParam(defaultValue = "1") int page) {
        return reads.frameworkPage(slug, version, page);
    }

    @GetMapping(value = "/skills/{slug}/{version}/occupations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    OccupationList occupations(
            @PathVariable String slug, @PathVariable String version, @RequestParam(defaultValue = "1") int page) {
        return reads.occupationList(slug, version, page);
    }

    @GetMapping(value = "/skills/{slug}/{version}/competencies/{*code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    CompetencyView competency(@PathVariable String slug, @PathVariable String version, @PathVariable String code) {
        return reads.competency(slug, version, SkillPages.code(code));
    }

    @GetMapping(value = "/skills/{slug}/{version}/occupations/{*code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    OccupationView occupation(@PathVariable String slug, @PathVariable String version, @PathVariable String code) {
        return reads.occupation(slug, version, SkillPages.code(code));
    }
}
