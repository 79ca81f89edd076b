package org.openler.platform.profile;

import java.util.List;
import java.util.Optional;
import org.openler.platform.kernel.AccountId;

/**
 * The resume's optional target: a job or an occupation the learner aims at, with their fit to it. The matching
 * feature answers (it reads this feature's skills profile, so this feature cannot call it; it implements this seam
 * instead). Without a matching feature the resume simply offers no target.
 */
public interface ResumeTargets {

    /** A target the learner can pick: {@code job:<id>} or {@code occupation:<code>}, and what to call it. */
    record Choice(String key, String label, int score) {}

    /** A requirement the learner meets, and the credential (with its issuer) that meets it; empty when self-asserted. */
    record Met(String skill, String credential, String issuer, boolean verified) {}

    /** A requirement not fully met, in order of weight × what is missing. */
    record Gap(String skill, boolean required, int coveredPercent) {}

    /** A step of the training plan that closes gaps. */
    record Step(String name, String provider, int closes) {}

    /** The learner's fit to the target: match %, what meets it, the gaps and the plan. */
    record Fit(String key, String title, String by, int score, List<Met> met, List<Gap> gaps, List<Step> plan) {}

    /** The targets to choose from: open jobs and the learner's suggested occupations, best fit first. */
    List<Choice> choices(AccountId learner);

    /** The fit to one target; empty when the key names no target that can be matched. */
    Optional<Fit> fit(AccountId learner, String key);
}
