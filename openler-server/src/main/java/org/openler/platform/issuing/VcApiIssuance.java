package org.openler.platform.issuing;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.kernel.Actor;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.StatusLists;
import org.openler.standards.StandardsException;
import org.openler.standards.credentials.CredentialRules;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.Violation;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.dataintegrity.Proofs;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jsonld.BundledContexts;
import org.openler.standards.jsonld.Canonicalizer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VC-API issuer (W3C VC-API "Issue Credential", {@code IssueCredentialRequest}): the caller writes the credential,
 * OpenLER checks it against VC Data Model 2.0 (and the Open Badges 3.0 / CLR 2.0 profile when its type names one),
 * adds a revocation and a suspension entry from the organization's status lists, signs it (eddsa-rdfc-2022, or a
 * VC-JWT when {@code options.format} is {@code "jwt"}) and stores the exact signed bytes like any issued credential,
 * so revocation and suspension work the same. The issuer must be the organization's own DID: its did:web, or the
 * did:key of its current key.
 */
@Service
class VcApiIssuance {

    /** The top-level properties of an {@code IssueCredentialRequest} this issuer reads. */
    static final Set<String> REQUEST_PROPERTIES = Set.of("credential", "options", "idempotencyKey");

    /** The {@code options} this issuer reads; any other is refused rather than ignored. */
    static final Set<String> OPTIONS = Set.of("format", "cryptosuite");

    private final Issuance issuance;
    private final IssuedCredentials issued;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final VcJwtIssuing vcJwt;
    private final AuditLog audit;
    private final Clock clock;

    VcApiIssuance(
            Issuance issuance,
            IssuedCredentials issued,
            IssuerKeys keys,
            StatusLists statusLists,
            VcJwtIssuing vcJwt,
            AuditLog audit,
            Clock clock) {
        this.issuance = issuance;
        this.issued = issued;
        this.keys = keys;
        this.statusLists = statusLists;
        this.vcJwt = vcJwt;
        this.audit = audit;
        this.clock = clock;
    }

    /** A parsed {@code IssueCredentialRequest}. */
    record Request(JsonObject credential, CredentialFormat format, boolean jcs, Optional<String> idempotencyKey) {}

    /**
     * Reads an {@code IssueCredentialRequest} body: {@code credential} (an object), {@code options} (an object whose
     * {@code format} is {@code "ldp"} or {@code "jwt"}) and an optional {@code idempotencyKey}.
     */
    static Request parse(JsonObject body, Optional<String> idempotencyHeader) {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!REQUEST_PROPERTIES.contains(key)) {
                errors.add(new PlatformException.FieldError(key, "Not a property of an IssueCredentialRequest."));
            }
        }
        if (!(body.get("credential") instanceof JsonObject credential)) {
            errors.add(new PlatformException.FieldError("credential", "The credential must be a JSON object."));
            throw new PlatformException(Problem.INVALID_INPUT, "The IssueCredentialRequest is not valid.", errors);
        }
        CredentialFormat format = CredentialFormat.LDP;
        JsonValue options = body.get("options");
        if (options != null && !(options instanceof JsonObject)) {
            errors.add(new PlatformException.FieldError("options", "options must be a JSON object."));
        } else if (options instanceof JsonObject given) {
            for (String key : given.keySet()) {
                if (!OPTIONS.contains(key)) {
                    errors.add(new PlatformException.FieldError(
                            "options." + key, "This issuer does not support this option; it reads only format."));
                }
            }
            if (given.get("format") instanceof JsonString f) {
                format = switch (f.getString()) {
                    case "ldp" -> CredentialFormat.LDP;
                    case "jwt" -> CredentialFormat.JWT;
                    default -> {
                        errors.add(new PlatformException.FieldError(
                                "options.format",
                                "Use \"ldp\" (Data Integrity eddsa-rdfc-2022, the default) or \"jwt\" (VC-JWT)."));
                        yield CredentialFormat.LDP;
                    }
                };
            } else if (given.containsKey("format")) {
                errors.add(new PlatformException.FieldError("options.format", "format must be a string."));
            }
        }
        Optional<String> key = idempotencyHeader;
        if (key.isEmpty() && body.get("idempotencyKey") instanceof JsonString k) {
            key = Optional.of(k.getString());
        } else if (body.containsKey("idempotencyKey") && !(body.get("idempotencyKey") instanceof JsonString)) {
            errors.add(new PlatformException.FieldError("idempotencyKey", "idempotencyKey must be a string."));
        }
        boolean jcs = false;
        if (options instanceof JsonObject given && given.containsKey("cryptosuite")) {
            String suite = given.get("cryptosuite") instanceof JsonString c ? c.getString() : "";
            switch (suite) {
                case "eddsa-rdfc-2022" -> jcs = false;
                case "eddsa-jcs-2022" -> jcs = true;
                default ->
                    errors.add(new PlatformException.FieldError(
                            "options.cryptosuite", "Use \"eddsa-rdfc-2022\" (the default) or \"eddsa-jcs-2022\"."));
            }
            if (format != CredentialFormat.LDP) {
                errors.add(new PlatformException.FieldError(
                        "options.cryptosuite", "A cryptosuite is for Data Integrity proofs, not for a VC-JWT."));
            }
        }
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "The IssueCredentialRequest is not valid.", errors);
        }
        return new Request(credential, format, jcs, key);
    }

    @Transactional
    Issuance.Issued issue(Issuer issuer, Request request, Actor by) {
        Optional<String> key = Issuance.idempotencyKey(request.idempotencyKey());
        if (key.isPresent()) {
            Optional<Issuance.Issued> earlier = issued.byIdempotencyKey(issuer.organization(), key.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        JsonObject credential = request.credential();
        Instant now = clock.instant();
        Issuance.DidMethod method = check(issuer, credential, request.format());
        CredentialId id = rowId(credential);
        Issuance.Signer signer = issuance.signer(issuer, method);
        StatusLists.Slots slots = statusLists.allocateBoth(issuer, signer.identity(), id);
        // A status entry the caller wrote (VC DM 2.0 lets a credential carry any typed status) is kept, before the
        // issuer's own two, so the issuer can still revoke and suspend what it signed.
        JsonArrayBuilder entries = Jsons.PROVIDER.createArrayBuilder();
        switch (credential.get("credentialStatus")) {
            case JsonArray given -> given.forEach(entries::add);
            case JsonObject given -> entries.add(given);
            case null, default -> {}
        }
        entries.add(slots.revocation().entry().toJson())
                .add(slots.suspension().entry().toJson());
        JsonObjectBuilder builder =
                Jsons.PROVIDER.createObjectBuilder(credential).add("credentialStatus", entries);
        if (isVc1(credential)) {
            // VC DM 1.1's context defines neither the status entries nor DataIntegrityProof: append the contexts
            // that do (Data Integrity §2.1.1 context injection), after the caller's; a VC-JWT has no proof object,
            // so it needs only the status context.
            builder.add(
                    "@context",
                    request.format() == CredentialFormat.LDP
                            ? withContexts(credential.get("@context"), STATUS_V1, BundledContexts.DATA_INTEGRITY_V2)
                            : withContexts(credential.get("@context"), STATUS_V1));
        }
        JsonObject unsigned = builder.build();
        String document;
        try {
            document = switch (request.format()) {
                case LDP ->
                    StrictJson.write(
                            request.jcs()
                                    ? signJcs(unsigned, signer, now)
                                    : EddsaRdfc2022.sign(
                                            unsigned,
                                            signer.key().keyPair(),
                                            ProofOptions.assertion(signer.key().verificationMethod(), now)));
                case JWT -> vcJwt.sign(issuer, unsigned);
                case SD_JWT -> throw new IllegalStateException("parse() never asks for an SD-JWT VC");
            };
        } catch (StandardsException e) {
            // The contexts or the terms do not canonicalize (an unbundled context, an undefined term, a term only one
            // OB 3.0.3 revision defines): the caller's credential, so a 400 naming why; the status slots roll back.
            throw new PlatformException(
                    Problem.INVALID_INPUT,
                    "The credential cannot be signed.",
                    List.of(new PlatformException.FieldError("credential", e.getMessage())));
        }
        issued.store(
                new IssuedCredentials.Stored(
                        id,
                        issuer.organization(),
                        null,
                        subjectDid(credential).map(Issuance.To.DidSubject::new),
                        document,
                        signer.identity(),
                        slots.revocation(),
                        Optional.of(slots.suspension()),
                        now,
                        instant(credential, isVc1(credential) ? "expirationDate" : "validUntil"),
                        key),
                by);
        if (request.format() != CredentialFormat.LDP) {
            vcJwt.markStored(id, request.format());
        }
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_ISSUED, by, issuer.organization(), "credential:" + id));
        return new Issuance.Issued(id, document, false);
    }

    /**
     * eddsa-jcs-2022 signs the JSON as it is, so the document is first canonicalized with the pinned contexts: a
     * credential whose terms do not all expand (or whose contexts are not bundled) is refused here as with RDFC.
     */
    private static JsonObject signJcs(JsonObject unsigned, Issuance.Signer signer, Instant now) {
        Canonicalizer.canonicalize(unsigned);
        Credentials.requireEmittable(unsigned);
        return Proofs.signJcs(
                unsigned,
                signer.key().keyPair(),
                ProofOptions.assertion(signer.key().verificationMethod(), now));
    }

    /**
     * Every violation at once, as field errors named by JSON pointer: VC DM 2.0 (and the profile its type names), the
     * issuer being this organization, and what the issuer adds itself (status, proof). Answers which DID signs.
     */
    private Issuance.DidMethod check(Issuer issuer, JsonObject credential, CredentialFormat format) {
        List<Violation> violations = new ArrayList<>(CredentialRules.dataModel(credential));
        if (CredentialRules.namesProfile(credential)) {
            violations.addAll(CredentialRules.check(credential));
        }
        List<PlatformException.FieldError> errors = new ArrayList<>();
        violations.stream()
                .filter(Violation::error)
                .map(v -> new PlatformException.FieldError("credential" + v.path(), v.message()))
                .distinct()
                .forEach(errors::add);
        if (isVc1(credential)) {
            // VC DM 1.1 is issued with a Data Integrity proof, or as a VC-JWT (VC DM 1.1 §6.3.1, OB 3.0 §8.2)
        } else if (!firstContextIs(credential, BundledContexts.VC_V2)) {
            addOnce(
                    errors,
                    "credential/@context",
                    "The first @context must be " + BundledContexts.VC_V2 + " (or, with a Data Integrity proof, "
                            + BundledContexts.VC_V1 + ")");
        }
        if (credential.containsKey("proof")) {
            errors.add(new PlatformException.FieldError(
                    "credential/proof", "proof is added by the issuer; leave it out of the request"));
        }
        Issuance.DidMethod method = Issuance.DidMethod.WEB;
        Optional<String> named = issuerId(credential);
        if (named.isPresent()) {
            String web = issuer.did().value();
            String didKey = keys.currentDidKey(issuer).did().value();
            if (named.get().equals(didKey) && format == CredentialFormat.LDP) {
                method = Issuance.DidMethod.KEY;
            } else if (!named.get().equals(web)) {
                errors.add(new PlatformException.FieldError(
                        "credential/issuer",
                        "The issuer must be this organization's DID, " + web
                                + (format == CredentialFormat.LDP ? " (or its did:key " + didKey + ")" : "")));
            }
        }
        if (subjectDid(credential).filter(d -> d.length() > 500).isPresent()) {
            errors.add(new PlatformException.FieldError(
                    "credential/credentialSubject/id", "At most 500 characters are kept for a subject's id"));
        }
        if (!errors.isEmpty()) {
            throw new PlatformException(
                    Problem.INVALID_INPUT,
                    "The credential breaks " + errors.size() + " rule" + (errors.size() == 1 ? "" : "s")
                            + " of VC Data Model 2.0 or of this issuer.",
                    errors);
        }
        return method;
    }

    /**
     * The stored credential's id: the credential's own when it is a {@code urn:uuid:} (so the VC-API status update
     * finds it by the id it carries), else a new one. An id issued before is a conflict, never a second row.
     */
    private CredentialId rowId(JsonObject credential) {
        if (credential.get("id") instanceof JsonString s && s.getString().startsWith("urn:uuid:")) {
            UUID own;
            try {
                own = UUID.fromString(s.getString().substring("urn:uuid:".length()));
            } catch (IllegalArgumentException e) {
                return CredentialId.random();
            }
            if (issued.exists(new CredentialId(own))) {
                throw new PlatformException(Problem.CONFLICT, "A credential with this id was issued already.");
            }
            return new CredentialId(own);
        }
        return CredentialId.random();
    }

    private static final String STATUS_V1 = "https://www.w3.org/ns/credentials/status/v1";

    /** A VC Data Model 1.1 credential: its first context is the 1.1 one. */
    static boolean isVc1(JsonObject credential) {
        return firstContextIs(credential, BundledContexts.VC_V1);
    }

    private static boolean firstContextIs(JsonObject credential, String url) {
        JsonValue context = credential.get("@context");
        return (context instanceof JsonArray contexts
                        && !contexts.isEmpty()
                        && contexts.get(0) instanceof JsonString first
                        && first.getString().equals(url))
                || (context instanceof JsonString only && only.getString().equals(url));
    }

    /** The contexts with each of {@code added} appended that is not among them yet. */
    private static JsonArray withContexts(JsonValue context, String... added) {
        JsonArrayBuilder out = Jsons.PROVIDER.createArrayBuilder();
        List<JsonValue> items = context instanceof JsonArray array ? array : List.of(context);
        items.forEach(out::add);
        for (String url : added) {
            if (items.stream()
                    .noneMatch(i -> i instanceof JsonString s && s.getString().equals(url))) {
                out.add(url);
            }
        }
        return out.build();
    }

    private static void addOnce(List<PlatformException.FieldError> errors, String field, String message) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new PlatformException.FieldError(field, message));
        }
    }

    private static Optional<String> issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return issuer instanceof JsonObject o && o.get("id") instanceof JsonString id
                ? Optional.of(id.getString())
                : Optional.empty();
    }

    /** The single subject's id, kept beside the credential for finding it again (a DID, or any URL it names). */
    private static Optional<String> subjectDid(JsonObject credential) {
        return credential.get("credentialSubject") instanceof JsonObject subject
                        && subject.get("id") instanceof JsonString id
                ? Optional.of(id.getString())
                : Optional.empty();
    }

    private static Optional<Instant> instant(JsonObject credential, String name) {
        if (credential.get(name) instanceof JsonString s) {
            try {
                return Optional.of(OffsetDateTime.parse(s.getString()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty(); // reported by the data model's rules
            }
        }
        return Optional.empty();
    }
}
