package org.openler.standards.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.credentials.CredentialRules;
import org.openler.standards.credentials.Violation;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofExpectations;
import org.openler.standards.dataintegrity.VerifiedProof;
import org.openler.standards.did.DidResolver;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jsonld.Canonicalizer;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.jwt.VcJwt;
import org.openler.standards.jwt.VerifiedJwt;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusListCredentials;
import org.openler.standards.status.StatusListFetcher;
import org.openler.standards.status.StatusPurpose;

/**
 * The one verifier for credentials and presentations. It never throws for bad input: every problem becomes a failed
 * check in the report, with a plain reason and a stable problem type. Thread-safe; build one and share it.
 */
public final class Verifier {

    private final DidResolver resolver;
    private final StatusListFetcher statusLists;
    private final Clock clock;
    private final JsonLimits limits;
    private final boolean keyFromFragment;

    private Verifier(Builder b) {
        this.resolver = b.resolver;
        this.statusLists = b.statusLists;
        this.clock = b.clock;
        this.limits = b.limits;
        this.keyFromFragment = b.keyFromFragment;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies a credential given as the bytes received. */
    public VerificationReport verifyCredential(byte[] body) {
        JsonObject credential;
        try {
            credential = StrictJson.parseObject(body, limits);
        } catch (StandardsException e) {
            return parsingFailed(e);
        }
        return verifyCredential(credential);
    }

    /** Verifies a parsed credential (parse untrusted input with {@link StrictJson} first). */
    public VerificationReport verifyCredential(JsonObject credential) {
        return verifyCredential(credential, Profile.BY_TYPE);
    }

    /** Verifies a parsed credential, with the Open Badges 3.0 / CLR 2.0 rules when its type or the caller asks. */
    public VerificationReport verifyCredential(JsonObject credential, Profile profile) {
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult.Passed(Check.PARSING, "The credential is well-formed JSON"));
        structure(credential, profile, results);
        boolean contextsOk = contexts(credential, results);
        boolean proofOk = false;
        if (contextsOk) {
            proofOk = proof(credential, results);
        } else {
            results.add(new CheckResult.Failed(
                    Check.PROOF,
                    "The proof was not checked: the credential's contexts are not all pinned",
                    ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR));
        }
        status(credential, proofOk, results);
        validity(credential, results);
        List<VerificationReport> embedded = new ArrayList<>();
        if (hasType(credential, "ClrCredential") && credential.get("credentialSubject") instanceof JsonObject subject) {
            // The CLR's own proof does not cover everything inside the credentials it bundles (their @context, for
            // one, is inert once the outer context is active), so each bundled credential must verify on its own.
            embedded(subject.get("verifiableCredential"), results, embedded);
        }
        return new VerificationReport(results, embedded);
    }

    /**
     * Verifies an Open Badges 3.0 VC-JWT: the JOSE signature (RS256/ES256 only) with the issuer's key, then the same
     * structure, context, status and validity checks as a Data Integrity credential.
     */
    public VerificationReport verifyJwt(String compact, JwtKeyResolver keys) {
        if (compact.length() > limits.maxBytes()) {
            return parsingFailed(new StandardsException(
                    Code.TOO_LARGE, "The JWT has " + compact.length() + " characters; at most " + limits.maxBytes()));
        }
        VerifiedJwt jwt;
        try {
            jwt = VcJwt.verify(compact, keys, clock);
        } catch (StandardsException e) {
            return switch (e.code()) {
                case MALFORMED_JSON, DUPLICATE_KEY, TOO_DEEP, TOO_LARGE -> parsingFailed(e);
                default ->
                    new VerificationReport(List.of(
                            new CheckResult.Passed(Check.PARSING, "The JWT is well-formed"),
                            new CheckResult.Failed(
                                    Check.PROOF, e.getMessage(), ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR)));
            };
        }
        JsonObject credential = jwt.credential();
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult.Passed(Check.PARSING, "The JWT is well-formed"));
        structure(credential, Profile.BY_TYPE, results);
        contexts(credential, results);
        results.add(new CheckResult.Passed(Check.PROOF, "The VC-JWT " + jwt.algorithm() + " signature verifies"));
        results.add(new CheckResult.Passed(
                Check.ISSUER, "Signed with a key of " + issuerId(credential).orElse("the issuer")));
        status(credential, true, results);
        validity(credential, results);
        return new VerificationReport(results);
    }

    /** Verifies a presentation and every credential it carries. */
    public VerificationReport verifyPresentation(byte[] body, PresentationExpectations expected) {
        JsonObject presentation;
        try {
            presentation = StrictJson.parseObject(body, limits);
        } catch (StandardsException e) {
            return parsingFailed(e);
        }
        return verifyPresentation(presentation, expected);
    }

    /** Verifies a parsed presentation and every credential it carries (embedded ones; enveloped ones are refused). */
    public VerificationReport verifyPresentation(JsonObject presentation, PresentationExpectations expected) {
        return verifyPresentation(presentation, expected, EnvelopedCredentials.NONE);
    }

    /**
     * Verifies a parsed presentation and every credential it carries: embedded ones here, enveloped ones (a
     * {@code data:} URL in an {@code EnvelopedVerifiableCredential}) by {@code enveloped}, each in the presentation's
     * order. The holder's proof covers the enveloped credentials too: they are part of the signed document.
     */
    public VerificationReport verifyPresentation(
            JsonObject presentation, PresentationExpectations expected, EnvelopedCredentials enveloped) {
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult.Passed(Check.PARSING, "The presentation is well-formed JSON"));
        if (!hasType(presentation, "VerifiablePresentation")) {
            results.add(new CheckResult.Failed(
                    Check.STRUCTURE, "type must include VerifiablePresentation", ProblemType.MALFORMED_VALUE_ERROR));
        } else {
            results.add(new CheckResult.Passed(Check.STRUCTURE, "It is a VerifiablePresentation"));
        }
        for (Violation violation : CredentialRules.presentation(presentation)) {
            results.add(new CheckResult.Failed(
                    Check.STRUCTURE, violation.path() + ": " + violation.message(), ProblemType.MALFORMED_VALUE_ERROR));
        }
        boolean contextsOk = contexts(presentation, results);
        Optional<String> holder = presentation.get("holder") instanceof JsonString s
                ? Optional.of(s.getString())
                : presentation.get("holder") instanceof JsonObject o && o.get("id") instanceof JsonString id
                        ? Optional.of(id.getString())
                        : Optional.empty();
        if (!presentation.containsKey("proof")) {
            if (expected.challenge().isPresent()) {
                results.add(new CheckResult.Failed(
                        Check.PROOF,
                        "A challenge was issued but the presentation is not signed",
                        ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR));
            } else {
                results.add(new CheckResult.Warning(
                        Check.PROOF, "The presentation is not signed: it does not prove who presents it"));
            }
        } else if (!contextsOk) {
            results.add(new CheckResult.Failed(
                    Check.PROOF,
                    "The proof was not checked: the presentation's contexts are not all pinned",
                    ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR));
        } else {
            ProofExpectations expectations =
                    new ProofExpectations("authentication", holder, expected.challenge(), expected.domain(), false);
            try {
                VerifiedProof proof = EddsaRdfc2022.verify(presentation, resolver, expectations);
                results.add(new CheckResult.Passed(
                        Check.PROOF, "The holder's proof verifies with " + proof.verificationMethod()));
            } catch (StandardsException e) {
                results.add(proofFailure(e));
            }
        }
        List<VerificationReport> embedded = new ArrayList<>();
        embedded(presentation.get("verifiableCredential"), results, embedded, enveloped);
        return new VerificationReport(results, embedded);
    }

    private void embedded(JsonValue vcs, List<CheckResult> results, List<VerificationReport> embedded) {
        embedded(vcs, results, embedded, EnvelopedCredentials.NONE);
    }

    private void embedded(
            JsonValue vcs,
            List<CheckResult> results,
            List<VerificationReport> embedded,
            EnvelopedCredentials enveloped) {
        List<JsonValue> credentials = vcs instanceof JsonArray array ? array : vcs == null ? List.of() : List.of(vcs);
        for (int i = 0; i < credentials.size(); i++) {
            if (!(credentials.get(i) instanceof JsonObject credential)) {
                results.add(new CheckResult.Failed(
                        Check.EMBEDDED_CREDENTIAL,
                        "Credential " + i + " is not an embedded JSON object (enveloped credentials are not accepted)",
                        ProblemType.MALFORMED_VALUE_ERROR));
                continue;
            }
            Optional<DataUrl> envelope = DataUrl.of(credential);
            VerificationReport report;
            if (envelope.isPresent()) {
                Optional<VerificationReport> checked = enveloped.verify(
                        envelope.get().mediaType(), envelope.get().data());
                if (checked.isEmpty()) {
                    results.add(new CheckResult.Failed(
                            Check.EMBEDDED_CREDENTIAL,
                            "Credential " + i + " is enveloped as "
                                    + envelope.get().mediaType() + ", which is not accepted here",
                            ProblemType.MALFORMED_VALUE_ERROR));
                    continue;
                }
                report = checked.get();
            } else {
                report = verifyCredential(credential);
            }
            embedded.add(report);
            String label = "Credential " + i
                    + (credential.get("id") instanceof JsonString id ? " (" + id.getString() + ")" : "");
            results.add(report.firstFailure()
                    .<CheckResult>map(f -> new CheckResult.Failed(
                            Check.EMBEDDED_CREDENTIAL, label + ": " + f.message(), f.problemType()))
                    .orElseGet(() -> new CheckResult.Passed(Check.EMBEDDED_CREDENTIAL, label + " verifies")));
        }
    }

    private void structure(JsonObject credential, Profile profile, List<CheckResult> results) {
        // VC DM 2.0 alone for any credential; the OB 3.0 / CLR 2.0 rules on top when its type or the caller asks.
        boolean profiled = profile == Profile.OPEN_BADGES || CredentialRules.namesProfile(credential);
        List<Violation> violations =
                profiled ? CredentialRules.check(credential) : CredentialRules.dataModel(credential);
        boolean failed = false;
        for (Violation v : violations) {
            if (v.error()) {
                failed = true;
                results.add(new CheckResult.Failed(
                        Check.STRUCTURE,
                        v.path() + ": " + v.message(),
                        v.range() ? ProblemType.RANGE_ERROR : ProblemType.MALFORMED_VALUE_ERROR));
            } else {
                results.add(new CheckResult.Warning(Check.STRUCTURE, v.path() + ": " + v.message()));
            }
        }
        if (!failed) {
            results.add(new CheckResult.Passed(
                    Check.STRUCTURE,
                    profiled
                            ? "The credential follows the data model's and its Open Badges / CLR profile's rules"
                            : "The credential follows the data model's rules"));
        }
    }

    private boolean contexts(JsonObject document, List<CheckResult> results) {
        try {
            List<String> urls = Canonicalizer.contextUrls(document);
            results.add(
                    new CheckResult.Passed(Check.CONTEXTS, "All " + urls.size() + " contexts are bundled and pinned"));
            return true;
        } catch (StandardsException e) {
            results.add(new CheckResult.Failed(Check.CONTEXTS, e.getMessage(), ProblemType.MALFORMED_VALUE_ERROR));
            return false;
        }
    }

    private boolean proof(JsonObject credential, List<CheckResult> results) {
        Optional<String> issuer = issuerId(credential);
        if (issuer.isEmpty()) {
            results.add(new CheckResult.Failed(
                    Check.PROOF,
                    "The proof cannot be bound to an issuer: the credential has none",
                    ProblemType.MALFORMED_VALUE_ERROR));
            results.add(new CheckResult.Failed(
                    Check.ISSUER, "The credential has no issuer", ProblemType.MALFORMED_VALUE_ERROR));
            return false;
        }
        try {
            VerifiedProof proof = IssuerProofs.verify(credential, issuer.get(), resolver, keyFromFragment);
            results.add(new CheckResult.Passed(Check.PROOF, IssuerProofs.describe(credential)));
            if (proof.keyFromFragment()) {
                results.add(new CheckResult.Warning(
                        Check.ISSUER,
                        "The key was read from the verification method URL " + proof.verificationMethod()
                                + "; nothing binds it to the issuer"));
            } else {
                results.add(new CheckResult.Passed(
                        Check.ISSUER, "Issuer " + issuer.get() + " controls " + proof.verificationMethod()));
            }
            return true;
        } catch (StandardsException e) {
            CheckResult failure = proofFailure(e);
            if (e.code() == Code.DID_NOT_RESOLVED || e.code() == Code.INVALID_DID) {
                results.add(new CheckResult.Failed(
                        Check.PROOF,
                        "The proof was not checked: the issuer's key is unknown. " + e.getMessage(),
                        ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR));
                results.add(
                        new CheckResult.Failed(Check.ISSUER, e.getMessage(), ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR));
            } else {
                results.add(failure);
                results.add(new CheckResult.Failed(
                        Check.ISSUER,
                        "Not established: the proof did not verify",
                        ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR));
            }
            return false;
        }
    }

    private static CheckResult proofFailure(StandardsException e) {
        ProblemType type = switch (e.code()) {
            case DATA_LOSS -> ProblemType.DATA_LOSS_DETECTION_ERROR;
            case JSON_LD, CONTEXT_NOT_ALLOWED, CONTEXT_INTEGRITY, MALFORMED_JSON -> ProblemType.MALFORMED_VALUE_ERROR;
            default -> ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR;
        };
        return new CheckResult.Failed(Check.PROOF, e.getMessage(), type);
    }

    private void status(JsonObject credential, boolean proofOk, List<CheckResult> results) {
        JsonValue value = credential.get("credentialStatus");
        if (value == null) {
            results.add(new CheckResult.Passed(Check.STATUS, "The credential has no status to check"));
            return;
        }
        List<JsonValue> entries = value instanceof JsonArray array ? array : List.of(value);
        for (JsonValue item : entries) {
            results.add(statusOf(credential, item));
        }
    }

    private CheckResult statusOf(JsonObject credential, JsonValue item) {
        StatusEntry entry;
        try {
            if (!(item instanceof JsonObject object)) {
                throw new StandardsException(Code.INVALID_STATUS, "credentialStatus must be an object");
            }
            if (!"BitstringStatusListEntry".equals(object.getString("type", ""))) {
                // Fail closed: a status we cannot check might say "revoked".
                return new CheckResult.Failed(
                        Check.STATUS,
                        "Status type '" + object.getString("type", "?") + "' is not supported; only"
                                + " BitstringStatusListEntry is checked",
                        ProblemType.STATUS_VERIFICATION_ERROR);
            }
            entry = StatusEntry.parse(object);
        } catch (StandardsException e) {
            return new CheckResult.Failed(Check.STATUS, e.getMessage(), ProblemType.MALFORMED_VALUE_ERROR);
        }
        JsonObject listCredential;
        try {
            listCredential = statusLists.fetch(entry.statusListCredential());
        } catch (StandardsException e) {
            return new CheckResult.Failed(
                    Check.STATUS,
                    "Status list " + entry.statusListCredential() + " could not be obtained: " + e.getMessage(),
                    ProblemType.STATUS_RETRIEVAL_ERROR);
        }
        try {
            String listIssuer = StatusListCredentials.issuer(listCredential);
            if (issuerId(credential).filter(listIssuer::equals).isEmpty()) {
                throw new StandardsException(
                        Code.INVALID_STATUS,
                        "The status list is issued by " + listIssuer + ", not the credential's issuer");
            }
            EddsaRdfc2022.verify(
                    listCredential,
                    resolver,
                    ProofExpectations.assertionBy(listIssuer).withKeyFromFragment(keyFromFragment));
            Optional<String> expired = expired(listCredential);
            if (expired.isPresent()) {
                throw new StandardsException(Code.INVALID_STATUS, "The status list " + expired.get());
            }
            StatusListCredentials.DecodedList decoded = StatusListCredentials.decode(listCredential);
            if (decoded.purpose() != entry.purpose()) {
                throw new StandardsException(
                        Code.INVALID_STATUS,
                        "The status list's purpose is " + decoded.purpose().value() + ", the entry's "
                                + entry.purpose().value());
            }
            if (decoded.list().get(entry.index())) {
                return entry.purpose() == StatusPurpose.REVOCATION
                        ? new CheckResult.Failed(
                                Check.STATUS, "The issuer has revoked this credential", ProblemType.CREDENTIAL_REVOKED)
                        : new CheckResult.Failed(
                                Check.STATUS,
                                "The issuer has suspended this credential",
                                ProblemType.CREDENTIAL_SUSPENDED);
            }
            return new CheckResult.Passed(
                    Check.STATUS, "Not " + (entry.purpose() == StatusPurpose.REVOCATION ? "revoked" : "suspended"));
        } catch (StandardsException e) {
            return new CheckResult.Failed(
                    Check.STATUS,
                    "Status list " + entry.statusListCredential() + " is not valid: " + e.getMessage(),
                    ProblemType.STATUS_VERIFICATION_ERROR);
        }
    }

    private void validity(JsonObject credential, List<CheckResult> results) {
        Optional<String> problem = notYetValid(credential).or(() -> expired(credential));
        results.add(problem.<CheckResult>map(p ->
                        new CheckResult.Failed(Check.VALIDITY_PERIOD, "The credential " + p, ProblemType.RANGE_ERROR))
                .orElseGet(() ->
                        new CheckResult.Passed(Check.VALIDITY_PERIOD, "The credential is within its validity period")));
    }

    private Optional<String> notYetValid(JsonObject credential) {
        Optional<Instant> from = instant(credential, "validFrom").or(() -> instant(credential, "issuanceDate"));
        return from.filter(f -> clock.instant().isBefore(f)).map(f -> "is not valid before " + f);
    }

    private Optional<String> expired(JsonObject credential) {
        Optional<Instant> until = instant(credential, "validUntil").or(() -> instant(credential, "expirationDate"));
        return until.filter(u -> clock.instant().isAfter(u)).map(u -> "expired at " + u);
    }

    private static Optional<Instant> instant(JsonObject credential, String name) {
        if (credential.get(name) instanceof JsonString s) {
            try {
                return Optional.of(OffsetDateTime.parse(s.getString()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty(); // reported by the structure check
            }
        }
        return Optional.empty();
    }

    private static boolean hasType(JsonObject document, String type) {
        JsonValue types = document.get("type");
        return types instanceof JsonString s
                ? s.getString().equals(type)
                : types instanceof JsonArray array
                        && array.stream()
                                .anyMatch(t -> t instanceof JsonString s
                                        && s.getString().equals(type));
    }

    static Optional<String> issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (issuer instanceof JsonObject o && o.get("id") instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }

    private static VerificationReport parsingFailed(StandardsException e) {
        return new VerificationReport(
                List.of(new CheckResult.Failed(Check.PARSING, e.getMessage(), ProblemType.PARSING_ERROR)));
    }

    /** Configuration with safe defaults: did:key only, no status lists, system UTC clock, 1 MB / depth 64. */
    public static final class Builder {
        private DidResolver resolver = DidResolvers.keyOnly();
        private StatusListFetcher statusLists = url -> {
            throw new StandardsException(Code.INVALID_STATUS, "No status list fetcher is configured");
        };
        private Clock clock = Clock.systemUTC();
        private JsonLimits limits = JsonLimits.DEFAULT;
        private boolean keyFromFragment;

        public Builder didResolver(DidResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        public Builder statusLists(StatusListFetcher statusLists) {
            this.statusLists = statusLists;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder limits(JsonLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Accept keys read from {@code <issuer URL>#<multibase key>} verification methods, as the 1EdTech validator
         * does, reported as a warning. Off by default: nothing but the string binds such a key to the issuer.
         */
        public Builder acceptKeyFromUrlFragment(boolean accept) {
            this.keyFromFragment = accept;
            return this;
        }

        public Verifier build() {
            return new Verifier(this);
        }
    }

    /** An {@code EnvelopedVerifiableCredential}'s {@code data:} URL, split into its media type and its data. */
    record DataUrl(String mediaType, String data) {

        static Optional<DataUrl> of(JsonObject credential) {
            if (!hasType(credential, "EnvelopedVerifiableCredential")
                    || !(credential.get("id") instanceof JsonString id)
                    || !id.getString().startsWith("data:")) {
                return Optional.empty();
            }
            String url = id.getString();
            int comma = url.indexOf(',');
            if (comma < 0) {
                return Optional.of(new DataUrl("", ""));
            }
            String type = url.substring("data:".length(), comma);
            // Base64 payloads are not what an SD-JWT or a JWT envelope uses; refuse them as an unknown type.
            return Optional.of(new DataUrl(type.endsWith(";base64") ? type : type.strip(), url.substring(comma + 1)));
        }
    }
}
