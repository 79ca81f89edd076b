package org.openler.platform.wallet;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.verification.Verification;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.ProblemType;
import org.openler.standards.verify.VerificationReport;
import org.springframework.stereotype.Service;

/**
 * Re-checks a held credential each time it is shown: the platform verifier runs again over the exact bytes, so a
 * revocation or suspension at the provider, or an expiry, shows on the learner's next look.
 */
@Service
public class StatusCheck {

    private final Wallet wallet;
    private final Verification verification;
    private final Clock clock;

    StatusCheck(Wallet wallet, Verification verification, Clock clock) {
        this.wallet = wallet;
        this.verification = verification;
        this.clock = clock;
    }

    /** What the learner is told about a credential now. */
    public enum State {
        VERIFIED,
        REVOKED,
        SUSPENDED,
        EXPIRED,
        NOT_VERIFIED
    }

    /** One check in plain words: which, its outcome (passed, warning, failed) and the verifier's reason. */
    public record Line(String check, String outcome, String message) {}

    /** A held credential with its state as of now and every check behind it. */
    public record Checked(HeldCredential credential, State state, String reason, List<Line> lines) {}

    public List<Checked> list(AccountId owner, boolean includeHidden) {
        return wallet.listWithDocuments(owner, includeHidden).stream()
                .map(held -> check(held.credential(), held.document()))
                .toList();
    }

    public Checked one(AccountId owner, UUID id) {
        HeldCredentialId heldId = new HeldCredentialId(id);
        HeldCredential held = wallet.get(owner, heldId);
        return check(held, wallet.document(owner, heldId));
    }

    Checked check(HeldCredential held, String document) {
        VerificationReport report = switch (held.format()) {
            case DATA_INTEGRITY -> verification.verifyCredential(document.getBytes(StandardCharsets.UTF_8));
            case VC_JWT -> verification.verifyJwt(document);
            case SD_JWT ->
                verification
                        .verifySdJwt(document, KeyBindingExpectations.none())
                        .report();
            case OB2, OB2_SIGNED -> verification.verifyOb2(document).report();
        };
        List<Line> lines = report.results().stream().map(StatusCheck::line).toList();
        return new Checked(
                held,
                state(held, report),
                report.firstFailure().map(CheckResult::message).orElse(""),
                lines);
    }

    private State state(HeldCredential held, VerificationReport report) {
        if (report.verified()) {
            return State.VERIFIED;
        }
        for (CheckResult.Failed failed : report.failures()) {
            if (failed.problemType() == ProblemType.CREDENTIAL_REVOKED) {
                return State.REVOKED;
            }
        }
        for (CheckResult.Failed failed : report.failures()) {
            if (failed.problemType() == ProblemType.CREDENTIAL_SUSPENDED) {
                return State.SUSPENDED;
            }
        }
        if (held.validUntil() != null && !held.validUntil().isAfter(clock.instant())) {
            return State.EXPIRED;
        }
        return State.NOT_VERIFIED;
    }

    private static Line line(CheckResult result) {
        return switch (result) {
            case CheckResult.Passed p -> new Line(p.check().name(), "passed", p.message());
            case CheckResult.Warning w -> new Line(w.check().name(), "warning", w.message());
            case CheckResult.Failed f -> new Line(f.check().name(), "failed", f.message());
        };
    }
}
