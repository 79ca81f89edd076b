package org.openler.platform.wallet;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.verification.Verification;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.openler.standards.ob2.Ob2Assertion;
import org.openler.standards.ob2.Ob2Verifier;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.VerificationReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports credentials issued elsewhere from a file: a VC (JSON with a Data Integrity proof), a VP (each credential
 * it carries), or an Open Badges 3.0 VC-JWT (compact JWS). Everything is verified as it enters with the platform
 * verifier. A credential whose signature, structure, contexts or issuer fail is refused with the verifier's reason,
 * never kept: the wallet holds only credentials that verified when they arrived. A genuine credential that is
 * revoked, suspended or expired is accepted and shown as such (it is still the learner's record). A presentation is
 * all or nothing. An Open Badges 2.0 assertion (hosted JSON, or signed as a JWS) is verified with what it names
 * fetched only from hosts the operator allowed.
 */
@Service
public class WalletImport {

    /** The largest file taken (as the request limit). */
    public static final int MAX_BYTES = 1_048_576;

    /** The most credentials one presentation may bring in. */
    static final int MAX_CREDENTIALS = 50;

    private static final Pattern COMPACT_JWS = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
    /** An SD-JWT: a compact JWS, then disclosures, each followed by '~' (a trailing KB-JWT is refused later). */
    private static final Pattern SD_JWT =
            Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+~([A-Za-z0-9_-]+~)*[A-Za-z0-9_.-]*$");

    /** Failures of these checks still mean "a genuine credential", just not a current one. */
    private static final List<Check> TOLERATED = List.of(Check.STATUS, Check.VALIDITY_PERIOD);

    private final Wallet wallet;
    private final Verification verification;
    private final AuditLog audit;

    WalletImport(Wallet wallet, Verification verification, AuditLog audit) {
        this.wallet = wallet;
        this.verification = verification;
        this.audit = audit;
    }

    /** Imports what the file holds and returns the ids of the credentials now in the wallet, in file order. */
    @Transactional
    public List<UUID> importFile(Actor.Person learner, byte[] file) {
        if (file.length == 0) {
            throw PlatformException.invalid("file", "Choose a credential file, or paste its contents.");
        }
        if (file.length > MAX_BYTES) {
            throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The file is larger than 1 MB.");
        }
        String text = new String(file, StandardCharsets.UTF_8).strip();
        List<Wallet.Entry> entries = COMPACT_JWS.matcher(text).matches()
                ? List.of(
                        Ob2Verifier.isSignedOb2(text) ? openBadges2(text, HeldCredential.Format.OB2_SIGNED) : jwt(text))
                : SD_JWT.matcher(text).matches() ? List.of(sdJwt(text)) : json(file);
        List<UUID> ids = new ArrayList<>();
        for (Wallet.Entry entry : entries) {
            ids.add(wallet.add(learner.accountId(), entry));
        }
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_IMPORTED, learner, null, null)
                .withDetail(ids.size() + " credential(s)"));
        return ids;
    }

    /** What an upsert did: the wallet id, and whether it replaced a credential already held. */
    public record Upserted(UUID id, boolean replaced) {}

    /**
     * One credential sent by an application through the Open Badges or CLR API — a JSON credential with an embedded
     * proof, or a compact VC-JWT — verified exactly as an import is, then added to the learner's wallet or, when
     * {@code replacing} names a credential the learner holds, put in its place. Refused (never kept) when it does not
     * verify.
     */
    @Transactional
    public Upserted upsert(Actor.Person learner, String text, @Nullable UUID replacing, String through) {
        String document = text.strip();
        if (document.length() > MAX_BYTES) {
            throw new PlatformException(Problem.PAYLOAD_TOO_LARGE, "The credential is larger than 1 MB.");
        }
        Wallet.Entry entry;
        if (COMPACT_JWS.matcher(document).matches()) {
            if (Ob2Verifier.isSignedOb2(document)) {
                throw new PlatformException(Problem.UNPROCESSABLE, "An Open Badges 2.0 assertion is not taken here.");
            }
            entry = jwt(document);
        } else {
            JsonObject credential;
            try {
                credential = StrictJson.parseObject(document.getBytes(StandardCharsets.UTF_8));
            } catch (StandardsException e) {
                throw new PlatformException(
                        Problem.UNPROCESSABLE, "The body is neither a JSON credential nor a compact JWS.");
            }
            if (isOpenBadges2(credential) || hasType(credential, "VerifiablePresentation")) {
                throw new PlatformException(Problem.UNPROCESSABLE, "Send one verifiable credential.");
            }
            entry = credential(credential, document, "The credential");
        }
        UUID id;
        if (replacing != null) {
            wallet.replace(learner.accountId(), replacing, entry);
            id = replacing;
        } else {
            id = wallet.add(learner.accountId(), entry);
        }
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_IMPORTED, learner, null, null)
                .withDetail((replacing != null ? "replaced" : "added") + " through " + through));
        return new Upserted(id, replacing != null);
    }

    /**
     * An SD-JWT VC as issued (every disclosure, no Key Binding JWT): verified like any credential, then held as the
     * text received. One that arrives with a Key Binding JWT was a presentation to someone else and is refused.
     */
    private Wallet.Entry sdJwt(String text) {
        Verification.SdJwtResult result = verification.verifySdJwt(text, KeyBindingExpectations.none());
        refuseUnlessGenuine(result.report(), "The SD-JWT VC");
        return new Wallet.Entry(
                HeldCredential.Source.IMPORTED,
                HeldCredential.Format.SD_JWT,
                text,
                CredentialFacts.ofSdJwt(text),
                null,
                null);
    }

    /**
     * An Open Badges 2.0 assertion, hosted (JSON) or signed (a JWS): verified with what it names fetched from hosts the
     * operator allowed (a hosted one from its own id too), then held as received, with its badge's and issuer's names.
     */
    private Wallet.Entry openBadges2(String text, HeldCredential.Format format) {
        Ob2Verifier.Result result = verification.verifyOb2(text);
        refuseUnlessGenuine(result.report(), "The Open Badges 2.0 assertion");
        Ob2Assertion assertion = result.assertion()
                .orElseThrow(() -> new PlatformException(
                        Problem.UNPROCESSABLE, "The Open Badges 2.0 assertion could not be read."));
        CredentialFacts facts = new CredentialFacts(
                CredentialFacts.clip(assertion.badgeName().isBlank() ? "Open Badge" : assertion.badgeName()),
                CredentialFacts.clip(assertion.issuerName()),
                assertion.issuerId(),
                assertion.issuedOn(),
                assertion.expires().orElse(null));
        return new Wallet.Entry(HeldCredential.Source.IMPORTED, format, text, facts, null, null);
    }

    /**
     * A credential of a known format, verified as any import is (genuine, though perhaps revoked or expired), with
     * its exact bytes kept: for restoring a personal-data bundle.
     */
    Wallet.Entry verified(HeldCredential.Format format, String document, String label) {
        if (format == HeldCredential.Format.SD_JWT) {
            return sdJwt(document);
        }
        if (format.openBadges2()) {
            return openBadges2(document, format);
        }
        if (format == HeldCredential.Format.VC_JWT) {
            if (!COMPACT_JWS.matcher(document).matches()) {
                throw new PlatformException(Problem.UNPROCESSABLE, label + " is not a compact VC-JWT.");
            }
            return jwt(document);
        }
        JsonObject credential;
        try {
            credential = StrictJson.parseObject(document.getBytes(StandardCharsets.UTF_8));
        } catch (StandardsException e) {
            throw new PlatformException(Problem.UNPROCESSABLE, label + " is not a JSON credential.");
        }
        return credential(credential, document, label);
    }

    private Wallet.Entry jwt(String compact) {
        VerificationReport report = verification.verifyJwt(compact);
        refuseUnlessGenuine(report, "The VC-JWT");
        CredentialFacts facts;
        try {
            facts = CredentialFacts.ofJwt(compact);
        } catch (StandardsException e) {
            throw new PlatformException(Problem.UNPROCESSABLE, "The VC-JWT's payload could not be read.");
        }
        return new Wallet.Entry(
                HeldCredential.Source.IMPORTED, HeldCredential.Format.VC_JWT, compact, facts, null, null);
    }

    private List<Wallet.Entry> json(byte[] file) {
        JsonObject parsed;
        try {
            parsed = StrictJson.parseObject(file);
        } catch (StandardsException e) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "This file is not a credential we can read: it is neither JSON nor a VC-JWT (" + e.getMessage()
                            + ").");
        }
        if (isOpenBadges2(parsed)) {
            return List.of(openBadges2(new String(file, StandardCharsets.UTF_8).strip(), HeldCredential.Format.OB2));
        }
        if (parsed.size() == 1 && parsed.get("verifiableCredential") instanceof JsonObject wrapped) {
            parsed = wrapped; // what an issuer's API answers with, saved as it came
        }
        if (hasType(parsed, "VerifiablePresentation")) {
            return presentation(parsed);
        }
        // A single credential keeps the file's exact bytes (unless it came wrapped).
        String document = parsed.equals(StrictJson.parseObject(file))
                ? new String(file, StandardCharsets.UTF_8).strip()
                : StrictJson.write(parsed);
        return List.of(credential(parsed, document, "The credential"));
    }

    private List<Wallet.Entry> presentation(JsonObject presentation) {
        JsonValue carried = presentation.get("verifiableCredential");
        List<JsonValue> credentials = carried instanceof JsonArray array
                ? array
                : carried == null || carried == JsonValue.NULL ? List.of() : List.of(carried);
        if (credentials.isEmpty()) {
            throw new PlatformException(Problem.UNPROCESSABLE, "The presentation carries no credentials.");
        }
        if (credentials.size() > MAX_CREDENTIALS) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "The presentation carries " + credentials.size() + " credentials; at most " + MAX_CREDENTIALS
                            + " are imported at once.");
        }
        List<Wallet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < credentials.size(); i++) {
            String label = "Credential " + (i + 1) + " of the presentation";
            if (!(credentials.get(i) instanceof JsonObject credential)) {
                throw new PlatformException(
                        Problem.UNPROCESSABLE, label + " is not an embedded JSON credential, so it was not imported.");
            }
            // A credential inside a presentation is taken as its JSON: its proof covers the data, not the spacing.
            entries.add(credential(credential, StrictJson.write(credential), label));
        }
        return entries;
    }

    private Wallet.Entry credential(JsonObject credential, String document, String label) {
        if (!credential.containsKey("proof")) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE, label + " is not signed (it has no proof), so it cannot be verified.");
        }
        refuseUnlessGenuine(verification.verifyCredential(credential), label);
        return new Wallet.Entry(
                HeldCredential.Source.IMPORTED,
                HeldCredential.Format.DATA_INTEGRITY,
                document,
                CredentialFacts.of(credential),
                null,
                null);
    }

    private static void refuseUnlessGenuine(VerificationReport report, String label) {
        for (CheckResult.Failed failed : report.failures()) {
            if (!TOLERATED.contains(failed.check())) {
                throw new PlatformException(
                        Problem.UNPROCESSABLE, label + " did not verify, so it was not imported: " + failed.message());
            }
        }
    }

    /** OB 2.0 assertions: the v2 context, or the shape (type Assertion with badge and verify). */
    static boolean isOpenBadges2(JsonObject document) {
        JsonValue context = document.get("@context");
        boolean v2Context =
                context instanceof JsonString s && s.getString().startsWith("https://w3id.org/openbadges/v2")
                        || context instanceof JsonArray a
                                && a.stream()
                                        .anyMatch(c -> c instanceof JsonString s
                                                && s.getString().startsWith("https://w3id.org/openbadges/v2"));
        return v2Context
                || hasType(document, "Assertion") && document.containsKey("badge") && document.containsKey("verify");
    }

    private static boolean hasType(JsonObject document, String type) {
        JsonValue value = document.get("type");
        return value instanceof JsonString s && s.getString().equals(type)
                || value instanceof JsonArray a
                        && a.stream()
                                .anyMatch(t -> t instanceof JsonString s
                                        && s.getString().equals(type));
    }
}
