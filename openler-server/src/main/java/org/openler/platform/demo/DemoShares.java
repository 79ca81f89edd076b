package org.openler.platform.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.jobs.Job;
import org.openler.platform.jobs.JobFilter;
import org.openler.platform.jobs.Jobs;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.organizations.Organization;
import org.openler.platform.sharing.Share;
import org.openler.platform.sharing.ShareId;
import org.openler.platform.sharing.Shares;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.Wallet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Marcus shares his retail credential with Demo Employer (the story of the source papers: Marcus lets Walmart see
 * his skills), aimed at its open "Retail Department Manager" job, so the employer's page shows the credential's fit to
 * the job ({@code GET /share/<token>/fit}), and the employer has looked once. The link's token is random like every
 * share's (a fixed one was a guessable link to a learner's record, issue 19) and is printed on the console when the
 * share is made; only its hash is kept, so a later start cannot print it again and says so. Demo mode only.
 */
@Component
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoShares {

    private volatile @Nullable String token;

    private final Shares shares;
    private final Wallet wallet;
    private final Jobs jobs;

    DemoShares(Shares shares, Wallet wallet, Jobs jobs) {
        this.shares = shares;
        this.wallet = wallet;
        this.jobs = jobs;
    }

    /** The demo job the share is aimed at: one of {@link DemoJobs#POSTINGS}, Marcus's next step. */
    static final String JOB = "Retail Department Manager";

    /** The credential his story shares: his retail management credential, from Demo Community College. */
    static final String RETAIL = "Retail Pathways: Department Manager";

    static final String PARTY = "Demo Employer HR";
    static final String PURPOSE = "Internal application: assistant store manager";

    /**
     * Makes the demo's share of Marcus's retail credential, once he holds it (Demo Community College issues it when
     * the ontology has loaded, minutes after a first start). Until then it shares what he holds, and replaces that
     * share by the right one when the retail credential arrives, and by one aimed at the demo job once Demo Employer
     * has its jobs (they too come with the ontology: {@link DemoJobs} calls this again); it never touches a share a
     * visitor made.
     */
    synchronized void place(Account marcus, Organization employer) {
        // Shares carry Data Integrity credentials; Marcus also holds an SD-JWT VC (presented over OpenID4VP instead).
        List<HeldCredential> held = wallet.list(marcus.id(), false).stream()
                .filter(c -> c.format() == HeldCredential.Format.DATA_INTEGRITY)
                .toList();
        if (held.isEmpty()) {
            return;
        }
        HeldCredential shared =
                held.stream().filter(c -> c.name().equals(RETAIL)).findFirst().orElse(held.get(0));
        List<Share> demoMade = shares.list(marcus.id()).stream()
                .filter(s -> s.party().equals(PARTY) && s.purpose().equals(PURPOSE))
                .toList();
        boolean visitorMade = shares.list(marcus.id()).size() > demoMade.size();
        Optional<String> target = job(employer).map(id -> "job:" + id);
        boolean right = demoMade.stream()
                .anyMatch(s -> s.revokedAt() == null
                        && s.items().stream().anyMatch(i -> shared.id().equals(i.credentialId()))
                        && (target.isEmpty()
                                || s.target() != null
                                        && target.get().equals(s.target().key())));
        if (right || visitorMade || (!demoMade.isEmpty() && !shared.name().equals(RETAIL))) {
            System.out.println("Demo share: Marcus's link to Demo Employer was printed when it was made (only its hash"
                    + " is kept); sign in as " + marcus.email().value() + " and open My shares to make another.");
            return;
        }
        // the start-time stand-in, made before his retail credential existed, ends: one demo share, the right one
        demoMade.stream()
                .filter(s -> s.revokedAt() == null)
                .forEach(s -> shares.revoke(marcus.id(), new ShareId(s.id())));
        String fresh = SecretTokens.newToken();
        shares.placeForDemo(
                marcus.id(),
                new Shares.NewShare(List.of(shared.id()), PARTY, PURPOSE, Optional.empty(), Map.of(), target),
                fresh,
                employer.id(),
                employer.name());
        token = fresh;
        // The console, not the log: a share link is a secret, and logs are collected and kept.
        System.out.println("Demo share: Marcus's " + shared.name() + ", shared with Demo Employer"
                + (target.isPresent() ? " for its " + JOB + " job" : "") + ", opens for anyone at /share/" + fresh
                + " (this link is printed once).");
    }

    /** Demo Employer's open job the share is aimed at, once the demo jobs are there. */
    private Optional<UUID> job(Organization employer) {
        return jobs.list(employer.id(), JobFilter.withStatus(Job.Status.OPEN), 200).stream()
                .filter(j -> j.title().equals(JOB))
                .map(j -> j.id().value())
                .findFirst();
    }

    /** The link token of the share made at this start, if one was made: for tests. */
    Optional<String> token() {
        return Optional.ofNullable(token);
    }
}
