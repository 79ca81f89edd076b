package org.openler.platform.wallet;

import java.util.List;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;

/**
 * The seam for articulation: what a learner's held credentials are worth in college credit, shown beside each verified
 * credential in the wallet ("worth 3 credits at Demo Community College"). The articulation feature implements it; the
 * wallet does not depend on it.
 */
public interface CreditWorth {

    /** A held credential (its wallet id), the credits a published rule gives for it, and where. */
    record Worth(UUID credential, String credits, String college) {}

    List<Worth> worth(AccountId learner);
}
