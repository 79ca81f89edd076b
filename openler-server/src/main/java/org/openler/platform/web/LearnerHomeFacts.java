package org.openler.platform.web;

import org.openler.platform.kernel.AccountId;

/**
 * A count a feature contributes to the learner's home page (how many skills, how many shares), so the page says what
 * is true for this learner instead of a fixed "nothing yet". Features implement it; the web layer never reads their
 * tables.
 */
public interface LearnerHomeFacts {

    /** The fact's name on the home page: {@code skills} or {@code shares}. */
    String name();

    /** How many the learner has (never someone else's). */
    int count(AccountId learner);
}
