/**
 * Skills-based jobs of employer organizations (the Talent Triad's job description generator): a title becomes ranked
 * O*NET-SOC occupations with their ESCO counterparts ({@link org.openler.platform.jobs.OccupationSuggester}), the
 * chosen occupation's competency "DNA" proposes weighted requirements ({@link
 * org.openler.platform.jobs.CompetencyDna}), and the employer edits and publishes the job, which is readable as a
 * page, a schema.org {@code JobPosting} and a CTDL {@code ceterms:Job}. Other features read jobs through {@link
 * org.openler.platform.jobs.Jobs}.
 */
@ApplicationModule(
        allowedDependencies = {"kernel", "matching", "organizations", "problems", "registry", "skills", "web"})
@NullMarked
package org.openler.platform.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
