package org.openler.platform.matching;

import org.openler.platform.kernel.AccountId;

/**
 * The seam for articulation: credit the learner already holds toward a registry credential (prior learning, transfer
 * credit, a course already taken) makes that credential cheaper or shorter for them. A later feature implements it as
 * a Spring bean; until then no bean exists and every option is priced as the registry states it. Implementations
 * answer the option unchanged when no credit applies, and say in {@link TrainingOption#note()} what they counted.
 */
public interface HeldCredit {

    TrainingOption forLearner(AccountId learner, TrainingOption option);
}
