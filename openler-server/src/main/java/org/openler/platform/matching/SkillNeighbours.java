package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.CompetencyId;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.skills.Match;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ontology's edges around a skill, for partial credit: the framework's own hierarchy (ESCO broader and narrower
 * skills, O*NET technology classes), siblings under one broader skill, SKOS crosswalk matches in either direction,
 * and O*NET Content Model elements (2.A.1.a Reading Comprehension and 2.A.1.b Active Listening are siblings under
 * 2.A.1 Basic Skills: Content). Read through the skills feature's public face and kept per skill until a framework
 * is imported.
 */
@Component
class SkillNeighbours {

    /** A broader skill with more narrower skills than this says little about its siblings (ESCO's big groups). */
    static final int MAX_SIBLINGS = 60;

    private static final Pattern ONET_ELEMENT = Pattern.compile(
            "^(https://www\\.onetonline\\.org/find/descriptor/result/\\d+(?:\\.[A-Z])(?:\\.\\d+)*)\\.([a-z])$");

    private final Competencies competencies;
    private final Map<URI, List<Neighbour>> cache = new ConcurrentHashMap<>();

    SkillNeighbours(Competencies competencies) {
        this.competencies = competencies;
    }

    List<Neighbour> around(Collection<URI> held) {
        List<Neighbour> all = new ArrayList<>();
        for (URI skill : held) {
            all.addAll(cache.computeIfAbsent(skill, this::read));
        }
        return all;
    }

    @EventListener
    void on(FrameworkImported imported) {
        cache.clear();
    }

    private List<Neighbour> read(URI skill) {
        List<Neighbour> found = new ArrayList<>();
        competencies.byUri(skill).ifPresent(c -> {
            for (Competency broader : competencies.broader(new CompetencyId(c.id()))) {
                found.add(new Neighbour(skill, broader.uri(), Relation.NARROWER));
                List<Competency> siblings = competencies.narrower(new CompetencyId(broader.id()), MAX_SIBLINGS + 1);
                if (siblings.size() <= MAX_SIBLINGS) {
                    for (Competency sibling : siblings) {
                        found.add(new Neighbour(skill, sibling.uri(), Relation.SIBLING));
                    }
                }
            }
            for (Competency narrower : competencies.narrower(new CompetencyId(c.id()), MAX_SIBLINGS)) {
                found.add(new Neighbour(skill, narrower.uri(), Relation.BROADER));
            }
        });
        for (Match match : competencies.matches(skill)) {
            Relation relation = switch (match.relation()) {
                case "exact" -> Relation.EXACT_MATCH;
                case "close" -> Relation.CLOSE_MATCH;
                case "broad" -> Relation.NARROWER; // the other is broader than the held skill
                case "narrow" -> Relation.BROADER;
                default -> Relation.RELATED;
            };
            found.add(new Neighbour(skill, match.uri(), relation));
        }
        found.addAll(onetSiblings(skill));
        return List.copyOf(found);
    }

    /**
     * O*NET Content Model siblings: the descriptors under the same element. URIs that name no descriptor are harmless
     * (no target asks for them), so they are formed rather than looked up.
     */
    static List<Neighbour> onetSiblings(URI skill) {
        Matcher m = ONET_ELEMENT.matcher(skill.toString());
        if (!m.matches()) {
            return List.of();
        }
        List<Neighbour> siblings = new ArrayList<>();
        for (char letter = 'a'; letter <= 'z'; letter++) {
            if (letter != m.group(2).charAt(0)) {
                siblings.add(new Neighbour(skill, URI.create(m.group(1) + "." + letter), Relation.SIBLING));
            }
        }
        return siblings;
    }
}
