package org.openler.platform.articulation;

import java.util.List;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The public statewide index as JSON and CTDL; the same paths answer HTML to browsers ({@link ArticulationPages}). */
@RestController
class PublicArticulationApi {

    private final ArticulationIndex index;
    private final TransferValueProfiles ctdl;

    PublicArticulationApi(ArticulationIndex index, TransferValueProfiles ctdl) {
        this.index = index;
        this.ctdl = ctdl;
    }

    record Results(int count, List<JsonNode> rules) {}

    /** {@code ?credential=ce-…|words&college=slug&course=code|words&skill=uri|words}. */
    @GetMapping(value = "/articulation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Results search(
            @RequestParam(defaultValue = "") String credential,
            @RequestParam(defaultValue = "") String college,
            @RequestParam(defaultValue = "") String course,
            @RequestParam(defaultValue = "") String skill) {
        List<ArticulationRule> found = index.search(ArticulationIndex.Query.of(credential, college, course, skill));
        return new Results(
                found.size(),
                found.stream().map(r -> (JsonNode) RuleDraft.document(r)).toList());
    }

    @GetMapping(value = "/articulation/rules/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    JsonNode rule(@PathVariable String id) {
        return RuleDraft.document(published(id));
    }

    @GetMapping(
            value = "/articulation/rules/{id}/ctdl",
            produces = {"application/ld+json", "application/json"})
    @Access(Audience.PUBLIC)
    JsonNode ruleCtdl(@PathVariable String id) {
        return ctdl.profile(published(id));
    }

    /** Every college's credit for one credential (a CTID or its name), side by side. */
    @GetMapping(value = "/articulation/credential", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, List<JsonNode>> credential(@RequestParam(defaultValue = "") String key) {
        if (key.isBlank()) {
            throw PlatformException.invalid("key", "A credential's CTID or name.");
        }
        return Map.of(
                "colleges",
                index.search(ArticulationIndex.Query.of(key, "", "", "")).stream()
                        .map(r -> (JsonNode) RuleDraft.document(r))
                        .toList());
    }

    private ArticulationRule published(String id) {
        return index.rule(ArticulationApi.uuid(id, "The rule"))
                .orElseThrow(() -> PlatformException.notFound("The rule"));
    }
}
