package org.openler.platform.profile;

import java.util.List;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.privacy.SelfAsserted;
import org.springframework.stereotype.Component;

/** The privacy center's "correct" part links to the skills and experiences the learner added themselves. */
@Component
class ProfileSelfAsserted implements SelfAsserted {

    private final ProfileStore store;

    ProfileSelfAsserted(ProfileStore store) {
        this.store = store;
    }

    @Override
    public List<Editable> editable(AccountId owner) {
        return List.of(
                new Editable("profile.held.skills", store.countSkills(owner), "/wallet/skills"),
                new Editable("profile.held.experiences", store.countExperiences(owner), "/wallet/resume"));
    }
}
