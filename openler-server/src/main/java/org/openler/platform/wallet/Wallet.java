package org.openler.platform.wallet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.LearnerEvidenceChanged;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.problems.PlatformException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credentials a learner holds. Every method takes the owner's account id and every statement is scoped by it,
 * so one learner's id in another's request finds nothing (answered as "not found", never as "forbidden", so ids
 * cannot be probed).
 */
@Service
public class Wallet {

    /** More than any learner's wallet is expected to hold; a guard against a page that never ends. */
    static final int MAX_LISTED = 500;

    private static final String COLUMNS = "id, source, format, name, issuer_name, issuer_id, valid_from, valid_until,"
            + " holder_did, hidden, list_position, added_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    Wallet(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The learner's credentials in their chosen order; hidden ones too when asked. */
    public List<HeldCredential> list(AccountId owner, boolean includeHidden) {
        return jdbc.sql("select " + COLUMNS + " from wallet_credential where account_id = ?"
                        + (includeHidden ? "" : " and hidden = false")
                        + " order by list_position, added_at limit " + MAX_LISTED)
                .param(owner.value())
                .query(Wallet::held)
                .list();
    }

    /** A held credential with its bytes, for re-checking a whole list in one query. */
    public record WithDocument(HeldCredential credential, String document) {}

    /** The learner's credentials with their exact bytes, in their order (the Open Badges API lists them so). */
    public List<WithDocument> listWithDocuments(AccountId owner, boolean includeHidden) {
        return jdbc.sql("select " + COLUMNS + ", document from wallet_credential where account_id = ?"
                        + (includeHidden ? "" : " and hidden = false")
                        + " order by list_position, added_at limit " + MAX_LISTED)
                .param(owner.value())
                .query((rs, n) -> new WithDocument(held(rs, n), rs.getString(13)))
                .list();
    }

    /** How many held credentials (with their bytes) one round trip of {@link #eachWithDocument} reads. */
    static final int BATCH = 50;

    /**
     * Hands the learner's credentials with their exact bytes to {@code each}, in their order, reading {@link #BATCH}
     * at a time, so a large wallet is never in memory at once; stops when {@code each} answers false. The whole
     * wallet, not only the first {@link #MAX_LISTED}: an application paging through the Open Badges API reaches all.
     */
    public void eachWithDocument(AccountId owner, boolean includeHidden, Predicate<WithDocument> each) {
        for (int offset = 0; ; offset += BATCH) {
            List<WithDocument> batch = jdbc.sql("select " + COLUMNS + ", document from wallet_credential"
                            + " where account_id = ?" + (includeHidden ? "" : " and hidden = false")
                            + " order by list_position, added_at, id limit " + BATCH + " offset " + offset)
                    .param(owner.value())
                    .query((rs, n) -> new WithDocument(held(rs, n), rs.getString(13)))
                    .list();
            for (WithDocument one : batch) {
                if (!each.test(one)) {
                    return;
                }
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    public Optional<HeldCredential> find(AccountId owner, HeldCredentialId id) {
        return jdbc.sql("select " + COLUMNS + " from wallet_credential where account_id = ? and id = ?")
                .params(owner.value(), id.value())
                .query(Wallet::held)
                .optional();
    }

    public HeldCredential get(AccountId owner, HeldCredentialId id) {
        return find(owner, id).orElseThrow(() -> PlatformException.notFound("The credential"));
    }

    /**
     * The credential issued on this platform that a held credential was claimed from; empty for an imported one (it
     * was issued elsewhere, so it cannot be issued again here). Not found when the learner holds no such credential.
     */
    public Optional<UUID> issuedHere(AccountId owner, HeldCredentialId id) {
        return jdbc.sql("select issued_credential_id from wallet_credential where account_id = ? and id = ?")
                .params(owner.value(), id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credential"));
    }

    /** The exact bytes the credential arrived as (JSON, or a compact VC-JWT). */
    public String document(AccountId owner, HeldCredentialId id) {
        return jdbc.sql("select document from wallet_credential where account_id = ? and id = ?")
                .params(owner.value(), id.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credential"));
    }

    /** A held credential that an organization on this platform issued: who to ask for a correction. */
    public record IssuedHere(UUID id, String name, OrganizationId organization) {}

    /**
     * The learner's credentials issued by organizations on this platform, in their order. Reads the issuer's
     * organization from issuing's table, read-only, as claims do.
     */
    public List<IssuedHere> issuedHere(AccountId owner) {
        return jdbc.sql("select w.id, w.name, i.organization_id from wallet_credential w"
                        + " join issued_credential i on i.id = w.issued_credential_id"
                        + " where w.account_id = ? order by w.list_position, w.added_at limit " + MAX_LISTED)
                .param(owner.value())
                .query((rs, n) -> new IssuedHere(
                        rs.getObject(1, UUID.class), rs.getString(2), new OrganizationId(rs.getObject(3, UUID.class))))
                .list();
    }

    /** What goes into the wallet: exact bytes, their format, and the facts listed beside them. */
    record Entry(
            HeldCredential.Source source,
            HeldCredential.Format format,
            String document,
            CredentialFacts facts,
            @Nullable UUID issuedCredentialId,
            @Nullable String holderDid) {}

    /**
     * Adds a credential at the end of the list. The same bytes already held are not added twice: the existing
     * entry's id is returned (a second import, or a claim of something already imported, is harmless).
     */
    @Transactional
    UUID add(AccountId owner, Entry entry) {
        String hash = SecretTokens.hash(entry.document());
        Optional<UUID> existing = jdbc.sql(
                        "select id from wallet_credential where account_id = ? and document_hash = ?")
                .params(owner.value(), hash)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        int position = jdbc.sql(
                        "select coalesce(max(list_position), 0) + 1 from wallet_credential where account_id = ?")
                .param(owner.value())
                .query(Integer.class)
                .single();
        int inserted = jdbc.sql(
                        "insert into wallet_credential (id, account_id, source, format, document, document_hash,"
                                + " issued_credential_id, holder_did, name, issuer_name, issuer_id, valid_from, valid_until,"
                                + " list_position, added_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        id,
                        owner.value(),
                        entry.source().name(),
                        entry.format().name(),
                        entry.document(),
                        hash,
                        entry.issuedCredentialId(),
                        entry.holderDid(),
                        entry.facts().name(),
                        entry.facts().issuerName(),
                        entry.facts().issuerId(),
                        timestamp(entry.facts().validFrom()),
                        timestamp(entry.facts().validUntil()),
                        position,
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            // a concurrent request added the same bytes first
            return jdbc.sql("select id from wallet_credential where account_id = ? and document_hash = ?")
                    .params(owner.value(), hash)
                    .query(UUID.class)
                    .single();
        }
        return id;
    }

    /**
     * Puts a new version of a held credential in its place: same wallet id and position, new bytes and facts (the Open
     * Badges API's upsert of a credential the learner already holds). Not found when the learner holds no such id.
     */
    @Transactional
    void replace(AccountId owner, UUID id, Entry entry) {
        String hash = SecretTokens.hash(entry.document());
        int changed = jdbc.sql("update wallet_credential set format = ?, document = ?, document_hash = ?, name = ?,"
                        + " issuer_name = ?, issuer_id = ?, valid_from = ?, valid_until = ?"
                        + " where account_id = ? and id = ?")
                .params(
                        entry.format().name(),
                        entry.document(),
                        hash,
                        entry.facts().name(),
                        entry.facts().issuerName(),
                        entry.facts().issuerId(),
                        timestamp(entry.facts().validFrom()),
                        timestamp(entry.facts().validUntil()),
                        owner.value(),
                        id)
                .update();
        if (changed != 1) {
            throw PlatformException.notFound("The credential");
        }
        events.publishEvent(new LearnerEvidenceChanged(owner)); // its skills may differ: the talent index follows
    }

    /** The learners holding a credential issued here (its issued id), e.g. to follow its revocation. */
    public List<AccountId> holders(UUID issuedCredential) {
        return jdbc
                .sql("select distinct account_id from wallet_credential where issued_credential_id = ?")
                .param(issuedCredential)
                .query(UUID.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    @Transactional
    public void setHidden(AccountId owner, HeldCredentialId id, boolean hidden) {
        int changed = jdbc.sql("update wallet_credential set hidden = ?" + " where account_id = ? and id = ?")
                .params(hidden, owner.value(), id.value())
                .update();
        if (changed != 1) {
            throw PlatformException.notFound("The credential");
        }
    }

    /** Which way to move a credential in the learner's list. */
    public enum Direction {
        UP,
        DOWN
    }

    /**
     * Swaps the credential with its neighbour in the list (hidden ones included, so the order survives unhiding).
     * At the top or bottom already, nothing changes.
     */
    @Transactional
    public void move(AccountId owner, HeldCredentialId id, Direction direction) {
        // Lock the owner's rows in order: two moves at once by the same learner queue instead of losing a swap.
        List<UUID> order = jdbc.sql("select id from wallet_credential where account_id = ?"
                        + " order by list_position, added_at for update")
                .param(owner.value())
                .query(UUID.class)
                .list();
        int at = order.indexOf(id.value());
        if (at < 0) {
            throw PlatformException.notFound("The credential");
        }
        int other = direction == Direction.UP ? at - 1 : at + 1;
        if (other < 0 || other >= order.size()) {
            return;
        }
        List<UUID> reordered = new ArrayList<>(order);
        Collections.swap(reordered, at, other);
        // Renumber the whole list: positions become 1..n, so earlier ties (equal positions) cannot make a move a no-op.
        for (int i = 0; i < reordered.size(); i++) {
            jdbc.sql("update wallet_credential set list_position = ?"
                            + " where account_id = ? and id = ? and list_position <> ?")
                    .params(i + 1, owner.value(), reordered.get(i), i + 1)
                    .update();
        }
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static HeldCredential held(ResultSet rs, int row) throws SQLException {
        return new HeldCredential(
                rs.getObject(1, UUID.class),
                HeldCredential.Source.valueOf(rs.getString(2)),
                HeldCredential.Format.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                rs.getBoolean(10),
                rs.getInt(11),
                rs.getTimestamp(12).toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
