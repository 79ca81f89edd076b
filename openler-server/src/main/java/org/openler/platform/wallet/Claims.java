package org.openler.platform.wallet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.issuing.CredentialIssued;
import org.openler.platform.issuing.SdJwtIssuing;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.status.CredentialId;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.JoseKeys;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claiming: a credential issued here to an e-mail address enters the wallet of the account with that address, once
 * its owner has followed the one-time link sent to it. The link's token is stored only as its SHA-256, expires, and
 * works once; following it again as the same learner is harmless. The claim binds the credential to the learner's
 * holder DID (recorded beside it); the signed bytes stay exactly as issued, still naming the e-mail recipient.
 */
@Service
public class Claims {

    static final Duration VALIDITY = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Wallet wallet;
    private final HolderKeys holderKeys;
    private final AccountService accounts;
    private final OrganizationService organizations;
    private final MailOutbox outbox;
    private final PlatformUrls urls;
    private final AuditLog audit;
    private final Clock clock;
    private final SdJwtIssuing sdJwt;

    Claims(
            JdbcClient jdbc,
            Wallet wallet,
            HolderKeys holderKeys,
            AccountService accounts,
            OrganizationService organizations,
            MailOutbox outbox,
            PlatformUrls urls,
            AuditLog audit,
            Clock clock,
            SdJwtIssuing sdJwt) {
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.holderKeys = holderKeys;
        this.accounts = accounts;
        this.organizations = organizations;
        this.outbox = outbox;
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
        this.sdJwt = sdJwt;
    }

    /**
     * A credential was issued to an e-mail address: offer it to that address. Runs inside the issuing transaction, so
     * the message exists exactly when the credential does.
     */
    @EventListener
    void on(CredentialIssued issued) {
        issued.recipientEmail().ifPresent(email -> offer(issued, email));
    }

    private void offer(CredentialIssued issued, String email) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        String provider = organizations
                .find(issued.organization())
                .map(Organization::name)
                .orElse("A provider");
        String named =
                issued(issued.credentialId().value()).map(Claims::quotedName).orElse("");
        UUID message = outbox.enqueue(
                email,
                "A credential is waiting for you on OpenLER",
                provider + " issued you a verifiable credential" + named + " on OpenLER. To keep it in your wallet,"
                        + " open this link within 30 days, signed in with the account for this e-mail address (or"
                        + " create one):\n\n"
                        + urls.base() + "/wallet/claim/" + token
                        + "\n\nThe link works once. If you were not expecting this, ignore this message.");
        jdbc.sql("insert into wallet_claim (id, credential_id, recipient_email, token_hash, created_at, expires_at,"
                        + " message_id) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        issued.credentialId().value(),
                        email,
                        SecretTokens.hash(token),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(VALIDITY)),
                        message)
                .update();
    }

    /** The credential's name for the claim mail (issue 18: the mail must say what is waiting), or nothing. */
    private static String quotedName(Issued issued) {
        try {
            return " \"" + issued.facts().name() + "\"";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /** What the claim page says about a link before the learner accepts it. */
    public record Offer(String credentialName, String provider, boolean open) {}

    /** The offer behind a link, if the link is known; {@code open} is false once it expired or was used. */
    public Optional<Offer> offer(String token) {
        return row(token, false).map(row -> {
            boolean open = row.claimedAt() == null && row.expiresAt().isAfter(clock.instant());
            return issued(row.credentialId())
                    .map(Issued::facts)
                    .map(facts -> new Offer(facts.name(), facts.issuerName(), open))
                    .orElseGet(() -> new Offer("Credential", "", false));
        });
    }

    /**
     * Claims the credential behind the link for the signed-in learner and returns its id in their wallet. Refused
     * (403) when the learner's account is not the recipient's address; 410 when the link expired or another account
     * used it; repeated by the same learner, it returns the same wallet entry.
     */
    @Transactional
    public UUID claim(String token, Actor.Person learner) {
        ClaimRow row = row(token, true).orElseThrow(() -> PlatformException.notFound("This claim link"));
        AccountId me = learner.accountId();
        if (row.claimedAt() != null) {
            if (me.value().equals(row.claimedBy())) {
                return heldIssued(me, row.credentialId())
                        .orElseThrow(() -> new PlatformException(
                                Problem.GONE, "This claim link was used already; the credential left your wallet."));
            }
            throw new PlatformException(Problem.GONE, "This claim link was already used.");
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            throw new PlatformException(
                    Problem.GONE,
                    "This claim link has expired. Ask the provider who issued the credential to send it again.");
        }
        Account account = accounts.find(me).orElseThrow(() -> PlatformException.notFound("Your account"));
        if (!account.email().value().equals(row.recipientEmail())) {
            throw new PlatformException(
                    Problem.FORBIDDEN,
                    "This credential was sent to another e-mail address. Sign in with the account for that address"
                            + " to claim it.");
        }
        int used = jdbc.sql(
                        "update wallet_claim set claimed_at = ?, claimed_by = ? where id = ? and claimed_at is null")
                .params(Timestamp.from(clock.instant()), me.value(), row.id())
                .update();
        if (used != 1) {
            throw new PlatformException(Problem.GONE, "This claim link was already used.");
        }
        UUID held = place(me, row.credentialId());
        audit.record(AuditEvent.success(AuditAction.CREDENTIAL_CLAIMED, learner, null, "wallet:" + held));
        return held;
    }

    /**
     * Puts an issued credential in the learner's wallet, bound to their holder DID, as a claim does. For the demo,
     * whose learners' credentials are theirs from the start; it never checks an address, so nothing else calls it.
     */
    @Transactional
    public UUID placeForDemo(AccountId learner, CredentialId issuedCredential) {
        useUpUnmailed(learner, issuedCredential.value());
        return place(learner, issuedCredential.value());
    }

    /**
     * Puts a credential issued to this learner on their own request while signed in (credit they asked a college for)
     * straight into their wallet, as a claim does; its claim link is used up. The caller has made sure the credential
     * was issued to this learner.
     */
    @Transactional
    public UUID placeRequested(AccountId learner, UUID issuedCredential) {
        useUpUnmailed(learner, issuedCredential);
        return place(learner, issuedCredential);
    }

    /**
     * The credential goes into the wallet without its link: the link is used up, and its message, if not yet
     * delivered, is withdrawn (the demo's outbox once showed a dead link for every credential it had placed).
     */
    private void useUpUnmailed(AccountId learner, UUID issuedCredential) {
        List<UUID> messages = jdbc.sql("select message_id from wallet_claim where credential_id = ? and claimed_at is"
                        + " null and message_id is not null")
                .param(issuedCredential)
                .query(UUID.class)
                .list();
        jdbc.sql(
                        "update wallet_claim set claimed_at = ?, claimed_by = ? where credential_id = ? and claimed_at is null")
                .params(Timestamp.from(clock.instant()), learner.value(), issuedCredential)
                .update();
        messages.forEach(outbox::withdraw);
    }

    private UUID place(AccountId learner, UUID issuedCredential) {
        Issued issued = issued(issuedCredential)
                .orElseThrow(() -> new PlatformException(Problem.GONE, "The provider withdrew this credential."));
        String holder = holderKeys.did(learner).value();
        // An SD-JWT VC is re-issued bound to the wallet's holder key (cnf.jwk), so that its presentations carry a
        // Key Binding JWT only this learner can sign. Claimed twice, the wallet finds the copy it already has.
        if (issued.format() == HeldCredential.Format.SD_JWT) {
            Optional<UUID> held = heldIssued(learner, issuedCredential);
            if (held.isPresent()) {
                return held.get();
            }
            issued = new Issued(
                    sdJwt.bindToHolder(
                            new CredentialId(issuedCredential),
                            JoseKeys.ed25519(
                                    holderKeys.signingKey(learner).keyPair().publicKey())),
                    HeldCredential.Format.SD_JWT);
        }
        return wallet.add(
                learner,
                new Wallet.Entry(
                        HeldCredential.Source.CLAIMED,
                        issued.format(),
                        issued.document(),
                        issued.facts(),
                        issuedCredential,
                        holder));
    }

    private Optional<UUID> heldIssued(AccountId learner, UUID issuedCredential) {
        return jdbc.sql("select id from wallet_credential where account_id = ? and issued_credential_id = ?")
                .params(learner.value(), issuedCredential)
                .query(UUID.class)
                .optional();
    }

    /** A credential as issued here: its exact signed bytes and their format ('ldp' JSON, or a 'jwt' compact JWS). */
    record Issued(String document, HeldCredential.Format format) {
        CredentialFacts facts() {
            return switch (format) {
                case VC_JWT -> CredentialFacts.ofJwt(document);
                case SD_JWT -> CredentialFacts.ofSdJwt(document);
                case DATA_INTEGRITY -> CredentialFacts.of(StrictJson.parseObject(document));
                case OB2, OB2_SIGNED -> throw new IllegalStateException("This platform issues no Open Badges 2.0");
            };
        }
    }

    /** Read from the issuing feature's table, read-only: the wallet keeps its own copy of the bytes. */
    private Optional<Issued> issued(UUID issuedCredential) {
        return jdbc.sql("select document, format from issued_credential where id = ?")
                .param(issuedCredential)
                .query((rs, n) -> new Issued(
                        rs.getString(1),
                        switch (rs.getString(2)) {
                            case "jwt" -> HeldCredential.Format.VC_JWT;
                            case "sd-jwt" -> HeldCredential.Format.SD_JWT;
                            default -> HeldCredential.Format.DATA_INTEGRITY;
                        }))
                .optional();
    }

    record ClaimRow(
            UUID id,
            UUID credentialId,
            String recipientEmail,
            Instant expiresAt,
            @Nullable Instant claimedAt,
            @Nullable UUID claimedBy) {}

    private Optional<ClaimRow> row(String token, boolean lock) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select id, credential_id, recipient_email, expires_at, claimed_at, claimed_by from wallet_claim"
                                + " where token_hash = ?" + (lock ? " for update" : ""))
                .param(SecretTokens.hash(token))
                .query((rs, n) -> new ClaimRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, UUID.class)))
                .optional();
    }
}
