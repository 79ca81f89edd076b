package org.openler.platform.articulation;

import java.util.List;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.wallet.CreditWorth;
import org.springframework.stereotype.Component;

/** The wallet's "worth N credits at …": every published rule in effect each held credential satisfies. */
@Component
class WalletCreditWorth implements CreditWorth {

    private final CreditRequests requests;

    WalletCreditWorth(CreditRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<Worth> worth(AccountId learner) {
        return requests.offers(learner).stream()
                .map(o -> new Worth(
                        o.credential().id(),
                        o.rule().totalCredits().stripTrailingZeros().toPlainString(),
                        o.rule().collegeName()))
                .toList();
    }
}
