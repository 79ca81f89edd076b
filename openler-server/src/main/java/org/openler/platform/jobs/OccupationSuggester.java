package org.openler.platform.jobs;

import java.util.List;

/**
 * From a job title to O*NET-SOC occupations, best first. The seam where a better title mapper plugs in: the draft
 * service needs only this. {@code title} is already validated (Latin script, at most {@link JobInput#MAX_TITLE}
 * characters).
 */
public interface OccupationSuggester {

    List<OccupationSuggestion> suggest(String title, int top);
}
