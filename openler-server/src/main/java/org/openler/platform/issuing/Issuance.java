package org.openler.platform.issuing;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.EmailAddress;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.IssuerIdentity;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.StatusLists;
import org.openler.standards.StandardsException;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IdentityObject;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.OpenBadgeCredentialBuilder;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.json.StrictJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues Open Badges 3.0 credentials signed with eddsa-rdfc-2022, each with a revocation entry and a suspension entry
 * in the issuer's status lists, issued by the organization's did:web or, on request, by the did:key of its key. The
 * signed bytes are stored ({@link IssuedCredentials}) and returned exactly as signed. An idempotency key makes a
 * retried request return the credential the first attempt made, with no second credential and no second status
 * index. Status changes are the status module's ({@code CredentialStatuses}).
 */
@Service
public class Issuance {

    private final JdbcClient jdbc;
    private final Achievements achievements;
    private final Issuers issuers;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final IssuedCredentials issued;
    private final PlatformUrls urls;
    private final AuditLog audit;
    private final Clock clock;
    private final VcJwtIssuing vcJwt;
    private final SdJwtIssuing sdJwt;

    Issuance(
            JdbcClient jdbc,
            Achievements achievements,
            Issuers issuers,
            IssuerKeys keys,
            StatusLists statusLists,
            IssuedCredentials issued,
            PlatformUrls urls,
            AuditLog audit,
            Clock clock,
            VcJwtIssuing vcJwt,
            SdJwtIssuing sdJwt) {
        this.jdbc = jdbc;
        this.achievements = achievements;
        this.issuers = issuers;
        this.keys = keys;
        this.statusLists = statusLists;
        this.issued = issued;
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
        this.vcJwt = vcJwt;
        this.sdJwt = sdJwt;
    }

    /** Who receives the credential: an e-mail address (hashed with a salt in the credential) or a DID. */
    public sealed interface To permits To.Email, To.DidSubject {
        record Email(String address) implements To {}

        record DidSubject(String did) implements To {}
    }

    /** Which DID method names the issuer: did:web (default; survives key rotation) or did:key (resolves offline). */
    public enum DidMethod {
        WEB,
        KEY
    }

    public record Request(
            UUID achievementId,
            To recipient,
            Optional<Instant> validUntil,
            Optional<String> idempotencyKey,
            DidMethod didMethod,
            CredentialFormat format,
            List<StatedResult> results) {

        public Request {
            results = List.copyOf(results);
        }

        /** A credential stating no results. */
        public Request(
                UUID achievementId,
                To recipient,
                Optional<Instant> validUntil,
                Optional<String> idempotencyKey,
                DidMethod didMethod,
                CredentialFormat format) {
            this(achievementId, recipient, validUntil, idempotencyKey, didMethod, format, List.of());
        }

        /** A Data Integrity credential issued by the organization's did:web, the defaults. */
        public Request(
                UUID achievementId, To recipient, Optional<Instant> validUntil, Optional<String> idempotencyKey) {
            this(achievementId, recipient, validUntil, idempotencyKey, DidMethod.WEB, CredentialFormat.LDP);
        }

        /** A Data Integrity credential issued by the organization's did:web or did:key. */
        public Request(
                UUID achievementId,
                To recipient,
                Optional<Instant> validUntil,
                Optional<String> idempotencyKey,
                DidMethod didMethod) {
            this(achievementId, recipient, validUntil, idempotencyKey, didMethod, CredentialFormat.LDP);
        }
    }

    /**
     * A result the issuer states (OB 3.0 {@code Result}): which of the achievement's result descriptions (its id, or
     * its name without case) and the value reached: a rubric level (its name or id), a letter of the grade, or a
     * percent from 0 to 100.
     */
    public record StatedResult(String description, String value) {}

    /** A stated result checked against its description: what the credential carries. */
    record CheckedResult(URI description, Optional<String> value, Optional<URI> achievedLevel) {}

    /**
     * Checks each stated result against the achievement's result descriptions: one naming no description, a value a
     * description does not allow, or two results for one description are the issuer's mistake (400, field
     * {@code results}).
     */
    static List<CheckedResult> check(AchievementDefinition achievement, List<StatedResult> stated) {
        List<CheckedResult> out = new java.util.ArrayList<>();
        java.util.Set<URI> seen = new java.util.HashSet<>();
        for (StatedResult r : stated) {
            String named = r.description().strip();
            AchievementDefinition.ResultDescription d = achievement.resultDescriptions().stream()
                    .filter(x -> x.id().toString().equals(named) || x.name().equalsIgnoreCase(named))
                    .findFirst()
                    .orElseThrow(() -> PlatformException.invalid(
                            "results",
                            "\"" + clip(named) + "\" is not one of this achievement's results"
                                    + (achievement.resultDescriptions().isEmpty()
                                            ? " (it states none)."
                                            : ": use "
                                                    + achievement.resultDescriptions().stream()
                                                            .map(x -> "\"" + x.name() + "\"")
                                                            .collect(java.util.stream.Collectors.joining(", "))
                                                    + ".")));
            if (!seen.add(d.id())) {
                throw PlatformException.invalid("results", "\"" + d.name() + "\" is stated twice.");
            }
            String value = r.value().strip();
            out.add(
                    switch (d.type()) {
                        case RUBRIC -> {
                            AchievementDefinition.Level level = d.level(value)
                                    .orElseThrow(() -> notAllowed(
                                            d,
                                            value,
                                            d.levels().stream()
                                                    .map(AchievementDefinition.Level::name)
                                                    .toList()));
                            yield new CheckedResult(d.id(), Optional.of(level.name()), Optional.of(level.id()));
                        }
                        case LETTER_GRADE -> {
                            String letter = d.allowedValue().stream()
                                    .filter(v -> v.equalsIgnoreCase(value))
                                    .findFirst()
                                    .orElseThrow(() -> notAllowed(d, value, d.allowedValue()));
                            yield new CheckedResult(d.id(), Optional.of(letter), Optional.empty());
                        }
                        case PERCENT -> new CheckedResult(d.id(), Optional.of(percent(d, value)), Optional.empty());
                    });
        }
        return out;
    }

    /**
     * Checks results before anything is issued (a bulk file's rows, line by line), exactly as an issuance will; a
     * mistake is the same 400 {@link PlatformException} on {@code results}.
     */
    public static void checkResults(AchievementDefinition achievement, List<StatedResult> stated) {
        check(achievement, stated);
    }

    private static String percent(AchievementDefinition.ResultDescription d, String value) {
        String number =
                value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
        try {
            java.math.BigDecimal p = new java.math.BigDecimal(number);
            if (p.signum() >= 0 && p.compareTo(java.math.BigDecimal.valueOf(100)) <= 0 && number.length() <= 10) {
                return p.stripTrailingZeros().toPlainString();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PlatformException.invalid(
                "results",
                "\"" + d.name() + "\" is a percent: give a number from 0 to 100, not \"" + clip(value) + "\".");
    }

    private static PlatformException notAllowed(
            AchievementDefinition.ResultDescription d, String value, List<String> allowed) {
        return PlatformException.invalid(
                "results",
                "\"" + clip(value) + "\" is not a value of \"" + d.name() + "\": use one of "
                        + String.join(", ", allowed) + ".");
    }

    private static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** An issued credential: its id and the exact signed JSON. */
    public record Issued(CredentialId id, String document, boolean replayed) {}

    /**
     * What an issuance may add to the credential besides its achievement: credit earned, results (each a value), and
     * evidence (e.g. the credential that credit was awarded for). Data Integrity credentials only.
     */
    public record Extras(Optional<java.math.BigDecimal> creditsEarned, List<String> results, List<Evidence> evidence) {
        public Extras {
            results = List.copyOf(results);
            evidence = List.copyOf(evidence);
        }

        public static Extras none() {
            return new Extras(Optional.empty(), List.of(), List.of());
        }
    }

    /** An OB 3.0 {@code Evidence}: an optional id, a name and a narrative. */
    public record Evidence(Optional<URI> id, String name, String narrative) {}

    @Transactional
    public Issued issue(Issuer issuer, Request request, Actor by) {
        return issue(issuer, request, Extras.none(), by);
    }

    /** Issues with {@link Extras} (credit earned, results, evidence): for a Data Integrity credential only. */
    @Transactional
    public Issued issue(Issuer issuer, Request request, Extras extras, Actor by) {
        if (!extras.equals(Extras.none()) && request.format() != CredentialFormat.LDP) {
            throw PlatformException.invalid(
                    "format", "Credit, results and evidence are issued as Data Integrity only.");
        }
        OrganizationId organization = issuer.organization();
        String slug = issuer.slug();
        Optional<String> key = idempotencyKey(request.idempotencyKey());
        if (key.isPresent()) {
            Optional<Issued> earlier = issued.byIdempotencyKey(organization, key.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        AchievementDefinition achievement = achievements
                .find(organization, request.achievementId())
                .orElseThrow(() -> PlatformException.notFound("The achievement"));
        List<CheckedResult> results = check(achievement, request.results());
        if (!results.isEmpty() && request.format() == CredentialFormat.SD_JWT) {
            throw PlatformException.invalid("format", "Results are issued as Data Integrity or VC-JWT, not SD-JWT VC.");
        }
        Instant now = clock.instant();
        if (request.validUntil().isPresent() && !request.validUntil().get().isAfter(now)) {
            throw PlatformException.invalid("validUntil", "Must be in the future.");
        }
        if (request.format() != CredentialFormat.LDP && request.didMethod() == DidMethod.KEY) {
            // A did:key here is an Ed25519 key, which VC-JWT (RS256/ES256) cannot use; the JWT key is under did:web.
            throw PlatformException.invalid(
                    "format", "A VC-JWT or SD-JWT VC is issued by the organization's did:web, not did:key.");
        }
        Recipient recipient = recipient(request.recipient());
        CredentialId id = CredentialId.random();
        Signer signer = signer(issuer, request.didMethod());
        StatusLists.Slots slots = statusLists.allocateBoth(issuer, signer.identity(), id);
        StatusLists.Slot revocation = slots.revocation();
        StatusLists.Slot suspension = slots.suspension();
        OpenBadgeCredentialBuilder credential = Credentials.openBadge()
                .id(URI.create("urn:uuid:" + id))
                .name(achievement.name())
                .issuer(signer.profile())
                .recipient(recipient)
                .achievement(toStandard(achievement, slug))
                .validFrom(now)
                .status(revocation.entry())
                .status(suspension.entry());
        request.validUntil().ifPresent(credential::validUntil);
        extras.creditsEarned().ifPresent(credential::creditsEarned);
        extras.results().forEach(credential::result);
        results.forEach(r -> credential.result(r.description(), r.value(), r.achievedLevel()));
        extras.evidence().forEach(e -> credential.evidence(e.id(), e.name(), e.narrative()));
        String document = switch (request.format()) {
            case LDP ->
                StrictJson.write(EddsaRdfc2022.sign(
                        credential.build(),
                        signer.key().keyPair(),
                        ProofOptions.assertion(signer.key().verificationMethod(), now)));
            case JWT -> vcJwt.sign(issuer, credential.build());
            case SD_JWT ->
                sdJwt.sign(
                        issuer,
                        new SdJwtIssuing.Claims(
                                id,
                                issuer.name(),
                                toStandard(achievement, slug),
                                request.recipient(),
                                now,
                                request.validUntil(),
                                Optional.of(new SdJwtIssuing.TokenStatus(
                                        revocation.entry().index(), revocation.tokenStatusListUrl()))));
        };
        issued.store(
                new IssuedCredentials.Stored(
                        id,
                        organization,
                        achievement.id(),
                        Optional.of(request.recipient()),
                        document,
                        signer.identity(),
                        revocation,
                        Optional.of(suspension),
                        now,
                        request.validUntil(),
                        key),
                by);
        if (request.format() != CredentialFormat.LDP) {
            vcJwt.markStored(id, request.format());
        }
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_ISSUED, by, organization, "credential:" + id));
        return new Issued(id, document, false);
    }

    /**
     * Re-issues a credential issued here to a holder's DID, for an external wallet: a new credential (new id, new
     * status entries, the same achievement and validity) signed by the organization's current key, recorded as issued
     * and linked to the original, which stays as it was. The idempotency key makes a retry answer the first
     * re-issued credential. A revoked original, or one with no single achievement (a CLR), is not re-issued.
     */
    @Transactional
    public Issued reissue(CredentialId original, Did holder, CredentialFormat format, String idempotencyKey, Actor by) {
        record Original(
                UUID organization,
                @Nullable UUID achievement,
                String status,
                @Nullable Timestamp validUntil) {}
        Original row = jdbc.sql("select organization_id, achievement_id, status, valid_until from issued_credential"
                        + " where id = ?")
                .param(original.value())
                .query((rs, n) -> new Original(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4)))
                .optional()
                .orElseThrow(() -> new PlatformException(Problem.GONE, "The provider withdrew this credential."));
        Optional<Issued> earlier = issued.byIdempotencyKey(new OrganizationId(row.organization()), idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (CredentialStatus.ofColumn(row.status()) == CredentialStatus.REVOKED) {
            throw new PlatformException(Problem.GONE, "The credential was revoked, so it is not issued again.");
        }
        if (row.achievement() == null) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE, "Only a credential for a single achievement can be sent to another wallet.");
        }
        Issuer issuer = issuers.find(new OrganizationId(row.organization()))
                .orElseThrow(() -> new PlatformException(Problem.GONE, "The provider no longer exists."));
        Optional<Instant> validUntil = Optional.ofNullable(row.validUntil()).map(Timestamp::toInstant);
        if (validUntil.isPresent() && !validUntil.get().isAfter(clock.instant())) {
            throw new PlatformException(Problem.GONE, "The credential has expired, so it is not issued again.");
        }
        Issued reissued = issue(
                issuer,
                new Request(
                        row.achievement(),
                        new To.DidSubject(holder.value()),
                        validUntil,
                        Optional.of(idempotencyKey),
                        DidMethod.WEB,
                        format),
                by);
        jdbc.sql("update issued_credential set reissued_from = ? where id = ?")
                .params(original.value(), reissued.id().value())
                .update();
        return reissued;
    }

    /** The idempotency key as given (stripped), or none; longer than 200 characters is refused. */
    static Optional<String> idempotencyKey(Optional<String> given) {
        Optional<String> key = given.map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > 200) {
            throw PlatformException.invalid("idempotencyKey", "At most 200 characters.");
        }
        return key;
    }

    /** The organization as the issuer of its credentials: its did:web, name and home page. */
    IssuerProfile issuerProfile(Issuer issuer) {
        return new IssuerProfile(
                issuer.did(), issuer.name(), Optional.of(URI.create(urls.base() + "/orgs/" + issuer.slug())));
    }

    /** Who signs a credential: the identity its status lists belong to, its issuer profile and the key. */
    record Signer(IssuerIdentity identity, IssuerProfile profile, IssuerKeys.SigningKey key) {}

    Signer signer(Issuer issuer, DidMethod method) {
        return switch (method) {
            case WEB -> new Signer(new IssuerIdentity.Web(), issuerProfile(issuer), keys.signingKey(issuer));
            case KEY -> {
                IssuerKeys.DidKeyIssuer didKey = keys.currentDidKey(issuer);
                yield new Signer(
                        new IssuerIdentity.Key(didKey.keyId()),
                        new IssuerProfile(
                                didKey.did(),
                                issuer.name(),
                                Optional.of(URI.create(urls.base() + "/orgs/" + issuer.slug()))),
                        didKey.signingKey());
            }
        };
    }

    /** The achievement as OB 3.0 describes it, with the id credentials name it by. */
    Achievement toStandard(AchievementDefinition achievement, String slug) {
        List<Achievement.Alignment> alignments = achievement.alignments().stream()
                .map(a -> new Achievement.Alignment(
                        a.targetUrl(), a.targetName(), a.targetType(), a.targetFramework(), a.targetCode()))
                .toList();
        return new Achievement(
                URI.create(urls.base() + "/orgs/" + slug + "/achievements/" + achievement.id()),
                achievement.name(),
                achievement.description(),
                achievement.criteria(),
                achievement.achievementType(),
                achievement.image(),
                alignments,
                achievement.resultDescriptions().stream()
                        .map(d -> resultDescription(d, alignments))
                        .toList());
    }

    /**
     * A result description as OB 3.0 writes it. A rubric measures the achievement's aligned competencies (its
     * {@code alignment}s are theirs; a registry-entry alignment is not a skill), which is how a reader (matching, via
     * {@code profile.CredentialClaims.levels}) turns the achieved level into a level per skill. A percent is bounded
     * 0–100. The pass mark goes with it ({@code requiredValue}, {@code requiredLevel}), so a reader can tell a result
     * below it.
     */
    private static Achievement.ResultDescription resultDescription(
            AchievementDefinition.ResultDescription d, List<Achievement.Alignment> alignments) {
        boolean rubric = d.type() == AchievementDefinition.ResultType.RUBRIC;
        boolean percent = d.type() == AchievementDefinition.ResultType.PERCENT;
        return new Achievement.ResultDescription(
                d.id(),
                d.name(),
                d.type().obName(),
                d.allowedValue(),
                percent ? Optional.of("0") : Optional.empty(),
                percent ? Optional.of("100") : Optional.empty(),
                d.levels().stream()
                        .map(l -> new Achievement.RubricLevel(l.id(), l.name(), Optional.empty()))
                        .toList(),
                rubric
                        ? alignments.stream()
                                .filter(a -> !a.targetType().equals(Optional.of("ceterms:Credential")))
                                .toList()
                        : List.of(),
                d.requiredValue(),
                d.requiredLevel());
    }

    static Recipient recipient(To to) {
        try {
            return switch (to) {
                case To.Email email -> {
                    if (!EmailAddress.isValid(email.address())) {
                        throw PlatformException.invalid("recipient.email", "Enter a valid e-mail address.");
                    }
                    yield new Recipient.ByIdentity(
                            IdentityObject.saltedEmail(email.address().strip().toLowerCase()));
                }
                case To.DidSubject did -> new Recipient.ByDid(Did.of(did.did()));
            };
        } catch (StandardsException e) {
            throw PlatformException.invalid("recipient.did", "Not a valid DID: " + e.getMessage());
        }
    }
}
