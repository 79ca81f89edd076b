package org.openler.platform.demo;

import java.util.List;
import java.util.Optional;
import org.openler.platform.accounts.Account;
import org.openler.platform.organizations.Organization;
import org.openler.platform.sharing.Shares;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Marcus shares his credential with Demo Employer (the story of the source papers: Marcus lets Walmart see his
 * skills), and the employer has looked once. The link's token is fixed so the README can point at it. Demo mode only.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoShares {

    /** The demo share's link is /share/ followed by this. Demo mode only; the README says so. */
    static final String TOKEN = "demo-marcus-shares-with-demo-employer";

    private final Shares shares;
    private final Wallet wallet;

    DemoShares(Shares shares, Wallet wallet) {
        this.shares = shares;
        this.wallet = wallet;
    }

    void place(Account marcus, Organization employer) {
        List<HeldCredential> held = wallet.list(marcus.id(), false);
        if (held.isEmpty()) {
            return;
        }
        shares.placeForDemo(
                marcus.id(),
                new Shares.NewShare(
                        List.of(held.get(0).id()),
                        "Demo Employer HR",
                        "My application for the warehouse team lead position",
                        Optional.empty()),
                TOKEN,
                employer.id(),
                employer.name());
    }
}
