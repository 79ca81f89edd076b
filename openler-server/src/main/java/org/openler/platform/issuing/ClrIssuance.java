package org.openler.platform.issuing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.IssuerIdentity;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.StatusLists;
import org.openler.standards.credentials.ClrCredentialBuilder;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a CLR 2.0 {@code ClrCredential} bundling, exactly as they were signed, the active Open Badges credentials an
 * organization issued to one learner — by e-mail address, or by DID for a learner known only by their DID. Only Data
 * Integrity credentials are bundled: a VC-JWT cannot be embedded as a JSON object, and CLR verifiers do not accept
 * enveloped credentials. The CLR is signed with eddsa-rdfc-2022, carries its own
 * revocation entry, and is stored and returned as exactly the bytes signed, like a single credential.
 */
@Service
public class ClrIssuance {

    private final JdbcClient jdbc;
    private final Issuance issuance;
    private final IssuedCredentials issued;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final AuditLog audit;
    private final Clock clock;

    ClrIssuance(
            JdbcClient jdbc,
            Issuance issuance,
            IssuedCredentials issued,
            IssuerKeys keys,
            StatusLists statusLists,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.issuance = issuance;
        this.issued = issued;
        this.keys = keys;
        this.statusLists = statusLists;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whom the CLR is for. {@code name} replaces the default name; {@code only}, when not empty, bundles just those of
     * the learner's credentials (by issued-credential id), as a transcript of one kind of award does.
     */
    public record Request(Issuance.To learner, Optional<String> idempotencyKey, Optional<String> name, Set<UUID> only) {

        public Request(Issuance.To learner, Optional<String> idempotencyKey) {
            this(learner, idempotencyKey, Optional.empty(), Set.of());
        }
    }

    @Transactional
    public Issuance.Issued issue(Issuer issuer, Request request, Actor by) {
        OrganizationId organization = issuer.organization();
        Optional<String> key = Issuance.idempotencyKey(request.idempotencyKey());
        if (key.isPresent()) {
            Optional<Issuance.Issued> earlier = issued.byIdempotencyKey(organization, key.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Issuance.To learner = request.learner();
        var recipient = Issuance.recipient(learner);
        Instant now = clock.instant();
        List<JsonObject> bundled = activeOpenBadges(organization, learner, request.only(), now);
        if (bundled.isEmpty()) {
            throw PlatformException.notFound("An active credential from this organization for that learner");
        }
        CredentialId id = CredentialId.random();
        IssuerIdentity web = new IssuerIdentity.Web();
        StatusLists.Slots slots = statusLists.allocateBoth(issuer, web, id);
        StatusLists.Slot slot = slots.revocation();
        StatusLists.Slot suspension = slots.suspension();
        IssuerKeys.SigningKey signingKey = keys.signingKey(issuer);
        ClrCredentialBuilder clr = Credentials.clr()
                .id(URI.create("urn:uuid:" + id))
                .name(request.name().orElse("Comprehensive Learner Record from " + issuer.name()))
                .issuer(issuance.issuerProfile(issuer))
                .recipient(recipient)
                .validFrom(now);
        bundled.forEach(clr::add);
        JsonObject unsigned = Credentials.requireEmittable(Jsons.PROVIDER
                .createObjectBuilder(clr.build())
                .add(
                        "credentialStatus",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(slot.entry().toJson())
                                .add(suspension.entry().toJson()))
                .build());
        JsonObject signed = EddsaRdfc2022.sign(
                unsigned, signingKey.keyPair(), ProofOptions.assertion(signingKey.verificationMethod(), now));
        String document = StrictJson.write(signed);
        issued.store(
                new IssuedCredentials.Stored(
                        id,
                        organization,
                        null,
                        Optional.of(learner),
                        document,
                        web,
                        slot,
                        Optional.of(suspension),
                        now,
                        Optional.empty(),
                        key),
                by);
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_ISSUED, by, organization, "credential:" + id)
                .withDetail("ClrCredential bundling " + bundled.size()));
        return new Issuance.Issued(id, document, false);
    }

    /**
     * The learner's active Open Badges credentials from this organization, oldest first, parsed from their stored
     * bytes; expired ones are left out. Earlier CLRs stored for the same learner are not bundled again. A non-empty
     * {@code only} keeps just those credentials.
     */
    private List<JsonObject> activeOpenBadges(
            OrganizationId organization, Issuance.To learner, Set<UUID> only, Instant now) {
        String column = switch (learner) {
            case Issuance.To.Email e -> "recipient_email";
            case Issuance.To.DidSubject d -> "recipient_did";
        };
        String value = switch (learner) {
            case Issuance.To.Email e -> e.address().strip().toLowerCase();
            case Issuance.To.DidSubject d -> d.did();
        };
        return jdbc
                .sql("select id, document from issued_credential where organization_id = ? and " + column + " = ?"
                        + " and format = 'ldp' and status = ? and (valid_until is null or valid_until > ?)"
                        + " order by issued_at, id")
                .params(organization.value(), value, CredentialStatus.ACTIVE.name(), Timestamp.from(now))
                .query((rs, n) -> only.isEmpty() || only.contains(rs.getObject(1, UUID.class)) ? rs.getString(2) : null)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .map(StrictJson::parseObject)
                .filter(ClrIssuance::isOpenBadge)
                .toList();
    }

    private static boolean isOpenBadge(JsonObject credential) {
        return credential.get("type") instanceof JsonArray types
                && types.stream()
                        .anyMatch(
                                t -> t instanceof JsonString s && s.getString().equals("OpenBadgeCredential"));
    }
}
