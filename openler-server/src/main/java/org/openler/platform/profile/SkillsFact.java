package org.openler.platform.profile;

import org.openler.platform.kernel.AccountId;
import org.openler.platform.web.LearnerHomeFacts;
import org.springframework.stereotype.Component;

/** The learner's home page says how many skills their record shows (from credentials and their own). */
@Component
class SkillsFact implements LearnerHomeFacts {

    private final SkillsProfile profile;

    SkillsFact(SkillsProfile profile) {
        this.profile = profile;
    }

    @Override
    public String name() {
        return "skills";
    }

    @Override
    public int count(AccountId learner) {
        return profile.skills(learner).size();
    }
}
