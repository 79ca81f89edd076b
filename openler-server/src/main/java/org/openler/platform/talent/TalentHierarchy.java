package org.openler.platform.talent;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.CompetencyId;
import org.openler.platform.skills.FrameworkImported;
import org.openler.platform.talent.index.SkillHierarchy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The skills feature's hierarchy for talent search's partial credit: the skills directly narrower and broader than
 * each skill asked for (ESCO's broader/narrower, O*NET's technology classes), read through its public face and kept
 * per skill until a framework is imported, as the matching feature keeps its neighbours. At most {@link #MAX_NARROWER}
 * narrower skills per skill, the matching feature's bound: a big group's members say little about each other.
 */
@Component
class TalentHierarchy implements SkillHierarchy {

    static final int MAX_NARROWER = 60;

    private record Around(Set<URI> narrower, Set<URI> broader) {}

    private final Competencies competencies;
    private final Map<URI, Around> cache = new ConcurrentHashMap<>();

    TalentHierarchy(Competencies competencies) {
        this.competencies = competencies;
    }

    @Override
    public Set<URI> narrower(URI skill) {
        return around(skill).narrower();
    }

    @Override
    public Set<URI> broader(URI skill) {
        return around(skill).broader();
    }

    @EventListener
    void on(FrameworkImported imported) {
        cache.clear();
    }

    private Around around(URI skill) {
        return cache.computeIfAbsent(skill, this::read);
    }

    private Around read(URI skill) {
        Set<URI> narrower = new LinkedHashSet<>();
        Set<URI> broader = new LinkedHashSet<>();
        competencies.byUri(skill).ifPresent(c -> {
            CompetencyId id = new CompetencyId(c.id());
            for (Competency n : competencies.narrower(id, MAX_NARROWER)) {
                narrower.add(n.uri());
            }
            for (Competency b : competencies.broader(id)) {
                broader.add(b.uri());
            }
        });
        narrower.remove(skill);
        broader.remove(skill);
        return new Around(Set.copyOf(narrower), Set.copyOf(broader));
    }
}
