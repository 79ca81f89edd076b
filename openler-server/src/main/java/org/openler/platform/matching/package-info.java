/**
 * Matching: how a learner's verified record fits a job or an occupation, what is missing, the registry training that
 * closes the gaps, and career pathways to next roles. A target is a {@link org.openler.platform.matching.MatchTarget}
 * (weighted skills with levels): an occupation's requirements from the skills ontology, or a job the jobs feature
 * supplies through {@link org.openler.platform.matching.JobTargets}. Evidence is the learner's skills profile (verified,
 * endorsed, self-asserted), widened by the ontology's neighbours (broader, narrower, crosswalk matches) for partial
 * credit. The scoring ({@link org.openler.platform.matching.MatchEngine}) and the plan ({@link
 * org.openler.platform.matching.SetCover}) are pure and Spring-free; docs/matching.md writes the formulas down.
 * Learner-only: every route serves the signed-in learner's own record.
 */
@ApplicationModule(allowedDependencies = {"kernel", "problems", "profile", "registry", "skills"})
@NullMarked
package org.openler.platform.matching;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
