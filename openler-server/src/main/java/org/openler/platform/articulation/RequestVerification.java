package org.openler.platform.articulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.verification.Verification;
import org.openler.platform.wallet.HeldCredential;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.VerificationReport;
import org.springframework.stereotype.Component;

/**
 * Verifies the credentials a credit request shares with the platform's verifier (Data Integrity and VC-JWT; other
 * formats are left to the college) and sums the outcome up in a sentence per credential for the queue.
 */
@Component
class RequestVerification {

    private final Wallet wallet;
    private final Verification verification;

    RequestVerification(Wallet wallet, Verification verification) {
        this.wallet = wallet;
        this.verification = verification;
    }

    record Checked(boolean verified, String summary) {}

    Checked verify(AccountId learner, List<HeldCredential> credentials) {
        List<String> notes = new ArrayList<>();
        boolean all = true;
        for (HeldCredential h : credentials) {
            String document = wallet.document(learner, new HeldCredentialId(h.id()));
            Optional<VerificationReport> report = switch (h.format()) {
                case DATA_INTEGRITY ->
                    Optional.of(verification.verifyCredential(document.getBytes(StandardCharsets.UTF_8)));
                case VC_JWT -> Optional.of(verification.verifyJwt(document.strip()));
                default -> Optional.empty();
            };
            if (report.isEmpty()) {
                all = false;
                notes.add(h.name() + ": this format is checked by hand.");
            } else if (report.get().verified()) {
                notes.add(h.name() + ": verified (" + report.get().results().size() + " checks passed).");
            } else {
                all = false;
                notes.add(h.name() + ": "
                        + report.get().firstFailure().map(CheckResult::message).orElse("did not verify") + ".");
            }
        }
        return new Checked(all, String.join(" ", notes));
    }
}
