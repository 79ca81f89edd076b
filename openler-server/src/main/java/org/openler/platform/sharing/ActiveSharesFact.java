package org.openler.platform.sharing;

import org.openler.platform.kernel.AccountId;
import org.openler.platform.web.LearnerHomeFacts;
import org.springframework.stereotype.Component;

/** The learner's home page says how many of their shares are active. */
@Component
class ActiveSharesFact implements LearnerHomeFacts {

    private final Shares shares;

    ActiveSharesFact(Shares shares) {
        this.shares = shares;
    }

    @Override
    public String name() {
        return "shares";
    }

    @Override
    public int count(AccountId learner) {
        return (int) shares.list(learner).stream()
                .filter(share -> share.status() == Share.Status.ACTIVE)
                .count();
    }
}
