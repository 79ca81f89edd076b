package org.openler.platform.issuing;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.identity.Actor;
import org.openler.platform.identity.OrganizationId;
import org.openler.platform.identity.PlatformUrls;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues Open Badges 3.0 credentials signed with eddsa-rdfc-2022, each with a revocation entry and a suspension entry
 * in the issuer's status lists, issued by the organization's did:web or, on request, by the did:key of its key. The signed bytes are stored and returned exactly as signed. An idempotency key makes a retried request return
 * the credential the first attempt made, with no second credential and no second status index.
 */
@Service
public class Issuance {

    private final JdbcClient jdbc;
    private final Achievements achievements;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final PlatformUrls urls;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final VcJwtIssuing vcJwt;
    private final OrganizationService organizations;
    private final SdJwtIssuing sdJwt;
    private final TransparencyLog transparencyLog;

    Issuance(
            JdbcClient jdbc,
            Achievements achievements,
            IssuerKeys keys,
            StatusLists statusLists,
            PlatformUrls urls,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events,
            VcJwtIssuing vcJwt,
            OrganizationService organizations,
            SdJwtIssuing sdJwt,
            TransparencyLog transparencyLog) {
        this.transparencyLog = transparencyLog;
        this.jdbc = jdbc;
        this.achievements = achievements;
        this.keys = keys;
        this.statusLists = statusLists;
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.vcJwt = vcJwt;
        this.organizations = organizations;
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
            CredentialFormat format) {

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

    /** An issued credential: its id and the exact signed JSON. */
    public record Issued(UUID id, String document, boolean replayed) {}

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
    public Issued issue(OrganizationId organization, String slug, String organizationName, Request request, Actor by) {
        return issue(organization, slug, organizationName, request, Extras.none(), by);
    }

    /** Issues with {@link Extras} (credit earned, results, evidence): for a Data Integrity credential only. */
    @Transactional
    public Issued issue(
            OrganizationId organization,
            String slug,
            String organizationName,
            Request request,
            Extras extras,
            Actor by) {
        if (!extras.equals(Extras.none()) && request.format() != CredentialFormat.LDP) {
            throw PlatformException.invalid(
                    "format", "Credit, results and evidence are issued as Data Integrity only.");
        }
        Optional<String> key = idempotencyKey(request.idempotencyKey());
        if (key.isPresent()) {
            Optional<Issued> earlier = byIdempotencyKey(organization, key.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        AchievementDefinition achievement = achievements
                .find(organization, request.achievementId())
                .orElseThrow(() -> PlatformException.notFound("The achievement"));
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
        UUID id = UUID.randomUUID();
        Signer signer = signer(organization, slug, organizationName, request.didMethod());
        StatusLists.Slots slots = statusLists.allocateBoth(organization, slug, signer.identity(), id);
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
        extras.evidence().forEach(e -> credential.evidence(e.id(), e.name(), e.narrative()));
        String document = switch (request.format()) {
            case LDP ->
                StrictJson.write(EddsaRdfc2022.sign(
                        credential.build(),
                        signer.key().keyPair(),
                        ProofOptions.assertion(signer.key().verificationMethod(), now)));
            case JWT -> vcJwt.sign(organization, slug, credential.build());
            case SD_JWT ->
                sdJwt.sign(
                        organization,
                        slug,
                        new SdJwtIssuing.Claims(
                                id,
                                organizationName,
                                toStandard(achievement, slug),
                                request.recipient(),
                                now,
                                request.validUntil(),
                                Optional.of(new SdJwtIssuing.TokenStatus(
                                        revocation.entry().index(),
                                        TokenStatusLists.url(revocation
                                                .entry()
                                                .statusListCredential()
                                                .toString())))));
        };
        store(
                new Stored(
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
    public Issued reissue(UUID original, Did holder, CredentialFormat format, String idempotencyKey, Actor by) {
        record Original(
                UUID organization,
                @Nullable UUID achievement,
                String status,
                @Nullable Timestamp validUntil) {}
        Original row = jdbc.sql("select organization_id, achievement_id, status, valid_until from issued_credential"
                        + " where id = ?")
                .param(original)
                .query((rs, n) -> new Original(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4)))
                .optional()
                .orElseThrow(() -> new PlatformException(Problem.GONE, "The provider withdrew this credential."));
        Optional<Issued> earlier = byIdempotencyKey(new OrganizationId(row.organization()), idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if ("REVOKED".equals(row.status())) {
            throw new PlatformException(Problem.GONE, "The credential was revoked, so it is not issued again.");
        }
        if (row.achievement() == null) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE, "Only a credential for a single achievement can be sent to another wallet.");
        }
        Organization organization = organizations
                .find(new OrganizationId(row.organization()))
                .orElseThrow(() -> new PlatformException(Problem.GONE, "The provider no longer exists."));
        Optional<Instant> validUntil = Optional.ofNullable(row.validUntil()).map(Timestamp::toInstant);
        if (validUntil.isPresent() && !validUntil.get().isAfter(clock.instant())) {
            throw new PlatformException(Problem.GONE, "The credential has expired, so it is not issued again.");
        }
        Issued issued = issue(
                organization.id(),
                organization.slug(),
                organization.name(),
                new Request(
                        row.achievement(),
                        new To.DidSubject(holder.value()),
                        validUntil,
                        Optional.of(idempotencyKey),
                        DidMethod.WEB,
                        format),
                by);
        jdbc.sql("update issued_credential set reissued_from = ? where id = ?")
                .params(original, issued.id())
                .update();
        return issued;
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
    IssuerProfile issuerProfile(String slug, String organizationName) {
        return new IssuerProfile(
                keys.did(slug), organizationName, Optional.of(URI.create(urls.base() + "/orgs/" + slug)));
    }

    /** Who signs a credential: the identity its status lists belong to, its issuer profile and the key. */
    record Signer(IssuerIdentity identity, IssuerProfile profile, IssuerKeys.SigningKey key) {}

    Signer signer(OrganizationId organization, String slug, String organizationName, DidMethod method) {
        return switch (method) {
            case WEB ->
                new Signer(
                        new IssuerIdentity.Web(),
                        issuerProfile(slug, organizationName),
                        keys.signingKey(organization, slug));
            case KEY -> {
                IssuerKeys.DidKeyIssuer didKey = keys.currentDidKey(organization, slug);
                yield new Signer(
                        new IssuerIdentity.Key(didKey.keyId()),
                        new IssuerProfile(
                                didKey.did(), organizationName, Optional.of(URI.create(urls.base() + "/orgs/" + slug))),
                        didKey.signingKey());
            }
        };
    }

    /** A signed credential and the columns stored beside its exact bytes for querying. */
    record Stored(
            UUID id,
            OrganizationId organization,
            @Nullable UUID achievementId,
            Optional<To> recipient,
            String document,
            IssuerIdentity issuer,
            StatusLists.Slot revocation,
            Optional<StatusLists.Slot> suspension,
            Instant issuedAt,
            Optional<Instant> validUntil,
            Optional<String> idempotencyKey) {}

    /**
     * Stores a signed credential's exact bytes with the columns for querying beside them. A duplicate idempotency
     * key throws {@link IdempotentReplay}, which rolls the caller's transaction (and its status indexes) back.
     */
    void store(Stored credential, Actor by) {
        try {
            jdbc.sql(
                            "insert into issued_credential (id, organization_id, achievement_id, recipient_email, recipient_did,"
                                    + " document, status_list_id, status_index, suspension_list_id, suspension_index,"
                                    + " issuer, issued_at, valid_until, idempotency_key, issued_by)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            credential.id(),
                            credential.organization().value(),
                            credential.achievementId(),
                            credential.recipient().orElse(null) instanceof To.Email e
                                    ? e.address().strip().toLowerCase()
                                    : null,
                            credential.recipient().orElse(null) instanceof To.DidSubject d ? d.did() : null,
                            credential.document(),
                            credential.revocation().listId(),
                            credential.revocation().entry().index(),
                            credential
                                    .suspension()
                                    .map(StatusLists.Slot::listId)
                                    .orElse(null),
                            credential
                                    .suspension()
                                    .map(slot -> slot.entry().index())
                                    .orElse(null),
                            credential.issuer().column(),
                            Timestamp.from(credential.issuedAt()),
                            credential.validUntil().map(Timestamp::from).orElse(null),
                            credential.idempotencyKey().orElse(null),
                            by.auditName())
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another request with the same idempotency key committed first: this transaction (and the status
            // indexes it drew) rolls back, and the caller is answered with the first one. Without a key, the clash is
            // the credential's own id (a VC-API caller's urn:uuid issued at the same moment): a conflict.
            if (credential.idempotencyKey().isEmpty()) {
                throw new PlatformException(Problem.CONFLICT, "A credential with this id was issued already.");
            }
            throw new IdempotentReplay(credential.idempotencyKey().get(), raced);
        }
        // In this transaction: the public log's entry commits or rolls back with the credential.
        transparencyLog.append(new LogEvent.CredentialIssued(credential.id(), credential.document()));
        // After the insert, outside the try: a listener's own duplicate key must not pass for an idempotent replay.
        events.publishEvent(new CredentialIssued(
                credential.id(),
                credential.organization(),
                credential.recipient().orElse(null) instanceof To.Email email
                        ? Optional.of(email.address().strip().toLowerCase())
                        : Optional.empty()));
    }

    /** Thrown inside the transaction so it rolls back; the API then answers with the earlier credential. */
    static final class IdempotentReplay extends RuntimeException {
        final String key;

        IdempotentReplay(String key, Throwable cause) {
            super("replayed idempotency key", cause);
            this.key = key;
        }
    }

    public Optional<Issued> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select id, document from issued_credential where organization_id = ? and idempotency_key = ?")
                .params(organization.value(), key)
                .query((rs, n) -> new Issued(rs.getObject(1, UUID.class), rs.getString(2), true))
                .optional();
    }

    /** True when a credential with this id was issued here, by any organization. */
    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from issued_credential where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<String> document(OrganizationId organization, UUID id) {
        return jdbc.sql("select document from issued_credential where organization_id = ? and id = ?")
                .params(organization.value(), id)
                .query(String.class)
                .optional();
    }

    /** A row of the provider's list of issued credentials. */
    public record Summary(
            UUID id, String achievement, @Nullable String recipient, String status, Instant issuedAt) {}

    private static final String SUMMARY = "select c.id, a.name, coalesce(c.recipient_email, c.recipient_did),"
            + " c.status, c.issued_at from issued_credential c left join achievement a on a.id = c.achievement_id";

    public java.util.List<Summary> list(OrganizationId organization, int limit) {
        return jdbc.sql(SUMMARY + " where c.organization_id = ? order by c.issued_at desc limit ?")
                .params(organization.value(), limit)
                .query(Issuance::summary)
                .list();
    }

    /** One row of the provider's list: for the page that confirms a revocation. */
    public Optional<Summary> summary(OrganizationId organization, UUID id) {
        return jdbc.sql(SUMMARY + " where c.organization_id = ? and c.id = ?")
                .params(organization.value(), id)
                .query(Issuance::summary)
                .optional();
    }

    private static Summary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Summary(
                rs.getObject(1, UUID.class),
                // A ClrCredential bundles several achievements, so it has no single achievement row.
                rs.getString(2) == null ? "Comprehensive Learner Record" : rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    /**
     * Revokes (final), suspends or reinstates ({@code "active"}) a credential; the status lists publish the change on
     * their next fetch. Repeating a change is harmless; a revoked credential stays revoked.
     */
    @Transactional
    public void changeStatus(OrganizationId organization, UUID credential, String newStatus, Actor by) {
        record Current(
                String status,
                UUID revocationList,
                @Nullable UUID suspensionList) {}
        Current current = jdbc.sql("select status, status_list_id, suspension_list_id from issued_credential"
                        + " where organization_id = ? and id = ? for update")
                .params(organization.value(), credential)
                .query((rs, n) ->
                        new Current(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credential"));
        String target = switch (newStatus) {
            case "revoked" -> "REVOKED";
            case "suspended" -> "SUSPENDED";
            case "active" -> "ACTIVE";
            default -> throw PlatformException.invalid("status", "Use \"revoked\", \"suspended\" or \"active\".");
        };
        if (target.equals(current.status())) {
            return;
        }
        if ("REVOKED".equals(current.status())) {
            throw new PlatformException(Problem.CONFLICT, "The credential is revoked; revocation is final.");
        }
        if (!"REVOKED".equals(target) && current.suspensionList() == null) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "This credential was issued without a suspension entry, so it can only be revoked.");
        }
        jdbc.sql("update issued_credential set status = ? where id = ?")
                .params(target, credential)
                .update();
        // A suspension bit is published from status SUSPENDED, a revocation bit from REVOKED: leaving or entering
        // either changes the lists that show it.
        transparencyLog.append(new LogEvent.CredentialStatusChanged(
                credential,
                switch (target) {
                    case "REVOKED" -> LogEvent.StatusChange.REVOKED;
                    case "SUSPENDED" -> LogEvent.StatusChange.SUSPENDED;
                    default -> LogEvent.StatusChange.REINSTATED;
                }));
        if ("REVOKED".equals(target)) {
            statusLists.touch(current.revocationList());
        }
        if (current.suspensionList() != null && ("SUSPENDED".equals(target) || "SUSPENDED".equals(current.status()))) {
            statusLists.touch(current.suspensionList());
        }
        audit.record(
                AuditEvent.success(AuditAction.CREDENTIAL_STATUS_CHANGED, by, organization, "credential:" + credential)
                        .withDetail(current.status() + "->" + target));
    }

    private Achievement toStandard(AchievementDefinition achievement, String slug) {
        return new Achievement(
                URI.create(urls.base() + "/orgs/" + slug + "/achievements/" + achievement.id()),
                achievement.name(),
                achievement.description(),
                achievement.criteria(),
                achievement.achievementType(),
                achievement.image(),
                achievement.alignments().stream()
                        .map(a -> new Achievement.Alignment(
                                a.targetUrl(), a.targetName(), a.targetType(), a.targetFramework(), a.targetCode()))
                        .toList());
    }

    static Recipient recipient(To to) {
        try {
            return switch (to) {
                case To.Email email -> {
                    if (!org.openler.platform.accounts.EmailAddress.isValid(email.address())) {
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
