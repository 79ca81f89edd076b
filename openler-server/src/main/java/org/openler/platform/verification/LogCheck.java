package org.openler.platform.verification;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.openler.platform.transparency.LogProofs;
import org.openler.platform.transparency.LogProofs.CredentialRecord;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.VerificationReport;

/**
 * The optional transparency-log check: is the credential's issuance in this platform's public log? Run only for
 * credentials that name an id and come from an issuer on this platform (other issuers do not write to our log). It
 * never fails a credential: a missing or inconsistent record is a warning, for the reader and for the log's
 * auditors to follow up.
 */
final class LogCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private LogCheck() {}

    static VerificationReport add(
            VerificationReport report,
            Optional<String> credentialId,
            Optional<String> issuer,
            LogProofs log,
            Function<String, Optional<String>> knownIssuer) {
        if (credentialId.isEmpty()
                || issuer.isEmpty()
                || knownIssuer.apply(issuer.get()).isEmpty()) {
            return report;
        }
        CheckResult result = switch (log.credential(credentialId.get())) {
            case CredentialRecord.Recorded r ->
                new CheckResult.Passed(
                        Check.TRANSPARENCY_LOG,
                        "Recorded in the public log on "
                                + DAY.format(r.loggedAt().atZone(ZoneOffset.UTC))
                                + " (entry " + r.leafIndex() + " of " + r.treeSize()
                                + "; its inclusion proof leads to the log's signed checkpoint)");
            case CredentialRecord.Pending p ->
                new CheckResult.Passed(
                        Check.TRANSPARENCY_LOG,
                        "Recorded in the public log on "
                                + DAY.format(p.loggedAt().atZone(ZoneOffset.UTC)) + " (in its next signed checkpoint)");
            case CredentialRecord.Inconsistent i ->
                new CheckResult.Warning(
                        Check.TRANSPARENCY_LOG,
                        "The public log's record of this credential does not verify: " + i.reason());
            case CredentialRecord.NotRecorded n ->
                new CheckResult.Warning(
                        Check.TRANSPARENCY_LOG, "Not in the public log (issued before the log began, or not here)");
        };
        List<CheckResult> results = new ArrayList<>(report.results());
        results.add(result);
        return new VerificationReport(results, report.embedded());
    }

    /** A JSON credential's {@code id} and issuer id. */
    static Optional<String> id(JsonObject credential) {
        return credential.get("id") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    static Optional<String> issuer(JsonObject credential) {
        if (credential.get("issuer") instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (credential.get("issuer") instanceof JsonObject o && o.get("id") instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }
}
