package org.openler.platform.talent.index;

import java.util.List;
import org.openler.platform.kernel.AccountId;

/**
 * The first pass of an anonymous search: how many anonymous documents hold at least one asked skill, and the best of
 * them, best first.
 */
public record TalentHits(long total, List<Hit> hits) {

    /** One learner and their first-pass score (0–100, see {@link SkillQuery#score}). */
    public record Hit(AccountId learner, double score) {}

    public TalentHits {
        hits = List.copyOf(hits);
    }
}
