package org.openler.platform.sharing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.verification.CredentialContent;
import org.openler.platform.verification.Verification;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.sdjwt.VerifiedSdJwt;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.EnvelopedCredentials;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.ProblemType;
import org.openler.standards.verify.VerificationReport;
import org.springframework.stereotype.Component;

/**
 * The employer's one-step verification: the platform's one verifier runs over the presentation (holder proof,
 * challenge, domain) and each credential in it, and the result is told in plain words per credential: issuer (known
 * on this platform or not), signature, revocation and suspension, expiry. An unknown issuer and an expired credential
 * are warnings, not refusals: the employer decides.
 */
@Component
class ShareChecks {

    /** The outcome of one line, and of a credential as a whole. */
    enum Outcome {
        PASSED,
        WARNING,
        FAILED
    }

    /**
     * One line in plain words: which aspect, its outcome, a message key (with arguments) for the page's language,
     * and the verifier's own English reason behind it (shown as a detail).
     */
    record Line(String aspect, Outcome outcome, String messageKey, List<String> arguments, String detail) {
        Line {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * One credential's checks. {@code claims} are the fields an SD-JWT VC disclosed, in its order — exactly what the
     * learner chose to show; a Data Integrity credential is shown whole in the downloaded presentation instead.
     */
    record CredentialCheck(
            String name,
            String issuerName,
            String issuerId,
            Outcome outcome,
            List<Line> lines,
            boolean selective,
            List<Claim> claims,
            @Nullable CredentialContent content) {
        CredentialCheck {
            lines = List.copyOf(lines);
            claims = List.copyOf(claims);
        }
    }

    /** A disclosed claim: its name and its value as text (JSON for an object or a list). */
    record Claim(String name, String value) {}

    /** The holder's proof of the presentation, and each credential's checks in the presentation's order. */
    record Report(Line holder, String holderDid, List<CredentialCheck> credentials) {
        Report {
            credentials = List.copyOf(credentials);
        }
    }

    private final Verification verification;
    private final Clock clock;

    ShareChecks(Verification verification, Clock clock) {
        this.verification = verification;
        this.clock = clock;
    }

    Report check(ShareLinks.Opened opened) {
        JsonObject presentation = opened.presentation();
        // Each enveloped SD-JWT VC must carry a Key Binding JWT for this very access: the same challenge and domain
        // the holder's proof of the whole presentation is bound to.
        List<Verification.SdJwtResult> sdJwts = new ArrayList<>();
        EnvelopedCredentials enveloped = (mediaType, data) -> {
            if (!mediaType.equals(Presentations.SD_JWT_MEDIA_TYPE)) {
                return Optional.empty();
            }
            Verification.SdJwtResult result = verification.verifySdJwt(
                    data, KeyBindingExpectations.presentation(opened.challenge(), opened.domain()));
            sdJwts.add(result);
            return Optional.of(result.report());
        };
        VerificationReport report = verification.verifyPresentation(
                presentation,
                PresentationExpectations.challenge(opened.challenge(), Optional.of(opened.domain())),
                enveloped);
        String holderDid = string(presentation, "holder").orElse("");
        Line holder = report.result(Check.PROOF)
                .map(r -> r instanceof CheckResult.Passed
                        ? new Line(
                                "HOLDER", Outcome.PASSED, "share.check.holder.passed", List.of(holderDid), r.message())
                        : new Line("HOLDER", Outcome.FAILED, "share.check.holder.failed", List.of(), r.message()))
                .orElseThrow();
        List<JsonObject> credentials = presentation.get("verifiableCredential") instanceof JsonArray array
                ? array.stream()
                        .filter(v -> v instanceof JsonObject)
                        .map(JsonValue::asJsonObject)
                        .toList()
                : List.of();
        List<CredentialCheck> checks = new ArrayList<>();
        int sdJwt = 0;
        for (int i = 0; i < credentials.size() && i < report.embedded().size(); i++) {
            boolean isEnveloped = credentials.get(i).get("id") instanceof JsonString id
                    && id.getString().startsWith(Presentations.SD_JWT_DATA_URL);
            checks.add(
                    isEnveloped && sdJwt < sdJwts.size()
                            ? sdJwtCredential(sdJwts.get(sdJwt++))
                            : credential(credentials.get(i), report.embedded().get(i)));
        }
        return new Report(holder, holderDid, checks);
    }

    private CredentialCheck credential(JsonObject credential, VerificationReport report) {
        String issuerId = issuerId(credential);
        String issuerName = credential.get("issuer") instanceof JsonObject issuer
                ? string(issuer, "name").orElse(issuerId)
                : issuerId;
        String name = string(credential, "name").orElse("—");
        List<Line> lines = new ArrayList<>();
        lines.add(issuer(issuerId, issuerName, report));
        lines.add(signature(report));
        lines.add(status(report));
        lines.add(expiry(credential, report));
        for (CheckResult r : report.results()) {
            boolean covered =
                    r.check() == Check.PROOF || r.check() == Check.STATUS || r.check() == Check.VALIDITY_PERIOD;
            if (!covered && r instanceof CheckResult.Failed f) {
                lines.add(
                        new Line(f.check().name(), Outcome.FAILED, "share.check.other.failed", List.of(), f.message()));
            }
        }
        return new CredentialCheck(
                name, issuerName, issuerId, outcome(lines), lines, false, List.of(), CredentialContent.of(credential));
    }

    /** An SD-JWT VC: the same lines in the same words, and the claims it disclosed — nothing more is there to show. */
    private CredentialCheck sdJwtCredential(Verification.SdJwtResult result) {
        VerificationReport report = result.report();
        Optional<VerifiedSdJwt> verified = result.verified();
        String issuerId = verified.flatMap(VerifiedSdJwt::issuer).orElse("");
        String issuerName = verified.map(
                        v -> v.claims().get("issuer_name") instanceof JsonString s ? s.getString() : issuerId)
                .orElse(issuerId);
        String name = verified.map(
                        v -> v.claims().get("achievement_name") instanceof JsonString s ? s.getString() : "—")
                .orElse("—");
        List<Line> lines = new ArrayList<>();
        lines.add(issuer(issuerId, issuerName.isEmpty() ? "—" : issuerName, report));
        lines.add(signature(report));
        lines.add(status(report));
        Optional<Instant> until = verified.flatMap(VerifiedSdJwt::expiresAt);
        String validity =
                report.result(Check.VALIDITY_PERIOD).map(CheckResult::message).orElse("");
        if (until.isPresent() && !until.get().isAfter(clock.instant())) {
            lines.add(new Line(
                    "EXPIRY",
                    Outcome.WARNING,
                    "share.check.expiry.expired",
                    List.of(until.get().toString()),
                    validity));
        } else {
            lines.add(until.map(u -> new Line(
                            "EXPIRY", Outcome.PASSED, "share.check.expiry.until", List.of(u.toString()), validity))
                    .orElse(new Line("EXPIRY", Outcome.PASSED, "share.check.expiry.none", List.of(), validity)));
        }
        List<Claim> claims = verified.map(v -> v.disclosedNames().stream()
                        .map(claim -> new Claim(claim, text(v.claims().get(claim))))
                        .toList())
                .orElse(List.of());
        return new CredentialCheck(name, issuerName, issuerId, outcome(lines), lines, true, claims, null);
    }

    /** Whether the issuer is an organization on this platform: known, else a warning (the employer decides). */
    private Line issuer(String issuerId, String issuerName, VerificationReport report) {
        Optional<String> known = verification.knownIssuer(issuerId);
        String detail = report.result(Check.ISSUER).map(CheckResult::message).orElse("");
        return known.isPresent()
                ? new Line("ISSUER", Outcome.PASSED, "share.check.issuer.known", List.of(known.get()), detail)
                : new Line("ISSUER", Outcome.WARNING, "share.check.issuer.unknown", List.of(issuerName), detail);
    }

    private static Outcome outcome(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.outcome() == Outcome.FAILED)
                ? Outcome.FAILED
                : lines.stream().anyMatch(l -> l.outcome() == Outcome.WARNING) ? Outcome.WARNING : Outcome.PASSED;
    }

    private static String text(@Nullable JsonValue value) {
        if (value == null) {
            return "";
        }
        return value instanceof JsonString s ? s.getString() : StrictJson.write(value);
    }

    private static Line signature(VerificationReport report) {
        Optional<CheckResult> proof = report.result(Check.PROOF);
        if (proof.isPresent() && proof.get() instanceof CheckResult.Passed) {
            return new Line(
                    "SIGNATURE",
                    Outcome.PASSED,
                    "share.check.signature.passed",
                    List.of(),
                    proof.get().message());
        }
        return new Line(
                "SIGNATURE",
                Outcome.FAILED,
                "share.check.signature.failed",
                List.of(),
                proof.map(CheckResult::message).orElse("The proof was not checked"));
    }

    private static Line status(VerificationReport report) {
        List<CheckResult> statuses =
                report.results().stream().filter(r -> r.check() == Check.STATUS).toList();
        for (CheckResult r : statuses) {
            if (r instanceof CheckResult.Failed f) {
                String key = f.problemType() == ProblemType.CREDENTIAL_REVOKED
                        ? "share.check.status.revoked"
                        : f.problemType() == ProblemType.CREDENTIAL_SUSPENDED
                                ? "share.check.status.suspended"
                                : "share.check.status.failed";
                return new Line("STATUS", Outcome.FAILED, key, List.of(), f.message());
            }
        }
        if (statuses.isEmpty()) {
            return new Line("STATUS", Outcome.WARNING, "share.check.status.none", List.of(), "");
        }
        if (statuses.get(0) instanceof CheckResult.Warning warning) {
            return new Line("STATUS", Outcome.WARNING, "share.check.status.none", List.of(), warning.message());
        }
        String detail = statuses.get(0).message();
        boolean noList = detail.startsWith("The credential has no status");
        return noList
                ? new Line("STATUS", Outcome.WARNING, "share.check.status.none", List.of(), detail)
                : new Line("STATUS", Outcome.PASSED, "share.check.status.passed", List.of(), detail);
    }

    private Line expiry(JsonObject credential, VerificationReport report) {
        Optional<Instant> until = instant(credential, "validUntil").or(() -> instant(credential, "expirationDate"));
        Optional<CheckResult> validity = report.result(Check.VALIDITY_PERIOD);
        String detail = validity.map(CheckResult::message).orElse("");
        if (until.isPresent() && !until.get().isAfter(clock.instant())) {
            // Expired: a warning, not a refusal. It was valid once; the employer decides what that is worth.
            return new Line(
                    "EXPIRY",
                    Outcome.WARNING,
                    "share.check.expiry.expired",
                    List.of(until.get().toString()),
                    detail);
        }
        if (validity.isPresent() && validity.get() instanceof CheckResult.Failed) {
            return new Line("EXPIRY", Outcome.FAILED, "share.check.expiry.notYet", List.of(), detail);
        }
        return until.map(u ->
                        new Line("EXPIRY", Outcome.PASSED, "share.check.expiry.until", List.of(u.toString()), detail))
                .orElse(new Line("EXPIRY", Outcome.PASSED, "share.check.expiry.none", List.of(), detail));
    }

    private static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString s) {
            return s.getString();
        }
        if (issuer instanceof JsonObject o) {
            return string(o, "id").orElse("");
        }
        return "";
    }

    private static Optional<String> string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonObject object, String key) {
        try {
            return string(object, key).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
