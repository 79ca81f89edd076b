package org.openler.platform.talent.index;

import java.net.URI;
import java.util.Set;

/**
 * The ontology's hierarchy around a skill asked for, for partial credit in the index's first pass: the skills
 * narrower than it (a learner holding one earns {@link org.openler.platform.matching.Relation#NARROWER}'s credit, as
 * in the matching engine) and the skills it belongs to (a learner holding one earns
 * {@link org.openler.platform.matching.Relation#BROADER}'s). Spring-free: the server reads the skills feature, a test
 * or the benchmark may pass {@link #NONE}.
 */
public interface SkillHierarchy {

    /** No neighbours at all: only the very skills asked for count. */
    SkillHierarchy NONE = new SkillHierarchy() {
        @Override
        public Set<URI> narrower(URI skill) {
            return Set.of();
        }

        @Override
        public Set<URI> broader(URI skill) {
            return Set.of();
        }
    };

    /** The skills directly narrower than this one (never the skill itself). */
    Set<URI> narrower(URI skill);

    /** The skills this one is directly narrower than (never the skill itself). */
    Set<URI> broader(URI skill);
}
