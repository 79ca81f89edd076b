package org.openler.platform.status;

import jakarta.json.JsonObject;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openler.platform.issuers.Issuer;
import org.openler.platform.issuers.IssuerIdentity;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.json.StrictJson;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusListCredentials;
import org.openler.standards.status.StatusPurpose;
import org.openler.standards.status.TokenStatusList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bitstring Status List v1.0 for an organization: random index allocation that never reuses an index (the
 * database's primary key decides, across instances), lists that close when full and open the next, and the
 * published, signed list credential computed from the credentials' statuses.
 *
 * <p>Each list belongs to one issuer identity ({@link IssuerIdentity}), because a verifier requires a status list to
 * be issued by the credential's own issuer. Which list is current is remembered per instance; each instance counts
 * its own allocations and, every {@link StatusListProperties#checkEvery()} of them, asks the database how full the
 * list is — so no row is updated per credential, and capacity is a soft limit exceeded at most by what the instances
 * allocate between two counts.
 */
@Service
public class StatusLists {

    /** 131,072 entries: the spec's minimum for herd privacy. */
    static final int LIST_SIZE = 131_072;

    private static final int MAX_DRAWS = 64;

    private final JdbcClient jdbc;
    private final IssuerKeys keys;
    private final PlatformUrls urls;
    private final Clock clock;
    private final StatusListProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Map<CurrentKey, OpenList> current = new ConcurrentHashMap<>();

    StatusLists(JdbcClient jdbc, IssuerKeys keys, PlatformUrls urls, Clock clock, StatusListProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
        this.properties = properties;
    }

    /** A list slot held by a credential. */
    public record Slot(UUID listId, StatusEntry entry) {

        /** The IETF Token Status List beside this slot's list, as an SD-JWT VC names it in {@code status}. */
        public String tokenStatusListUrl() {
            return TokenStatusLists.url(entry.statusListCredential().toString());
        }
    }

    private record CurrentKey(OrganizationId organization, StatusPurpose purpose, String issuer) {}

    /** The list this instance allocates in, and how many allocations it made there since it last counted. */
    private record OpenList(UUID id, int number, AtomicInteger sinceCount) {}

    /** A credential's revocation slot and suspension slot. */
    public record Slots(Slot revocation, Slot suspension) {}

    /**
     * Draws a revocation index and a suspension index for one credential and holds both in one statement: one round
     * trip to the database instead of two for every credential issued. An index another credential already holds
     * (rare while a list is below capacity) is drawn again on its own.
     */
    @Transactional
    public Slots allocateBoth(Issuer issuer, IssuerIdentity identity, CredentialId id) {
        OrganizationId organization = issuer.organization();
        String slug = issuer.slug();
        UUID credential = id.value();
        OpenList revocationList = usableList(new CurrentKey(organization, StatusPurpose.REVOCATION, identity.column()));
        OpenList suspensionList = usableList(new CurrentKey(organization, StatusPurpose.SUSPENSION, identity.column()));
        int revocationIndex = random.nextInt(LIST_SIZE);
        int suspensionIndex = random.nextInt(LIST_SIZE);
        int held = jdbc.sql("insert into status_allocation (status_list_id, status_index, credential_id)"
                        + " values (?, ?, ?), (?, ?, ?) on conflict do nothing")
                .params(
                        revocationList.id(),
                        revocationIndex,
                        credential,
                        suspensionList.id(),
                        suspensionIndex,
                        credential)
                .update();
        Slot revocation = held == 2 || holds(revocationList, revocationIndex, credential)
                ? slot(slug, StatusPurpose.REVOCATION, revocationList, revocationIndex)
                : allocate(issuer, identity, StatusPurpose.REVOCATION, id);
        Slot suspension = held == 2 || holds(suspensionList, suspensionIndex, credential)
                ? slot(slug, StatusPurpose.SUSPENSION, suspensionList, suspensionIndex)
                : allocate(issuer, identity, StatusPurpose.SUSPENSION, id);
        return new Slots(revocation, suspension);
    }

    private boolean holds(OpenList list, int index, UUID credential) {
        return jdbc.sql("select credential_id from status_allocation where status_list_id = ? and status_index = ?")
                .params(list.id(), index)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .filter(credential::equals)
                .isPresent();
    }

    private Slot slot(String slug, StatusPurpose purpose, OpenList list, int index) {
        return new Slot(list.id(), new StatusEntry(url(slug, purpose, list.number()), purpose, index));
    }

    /** Draws a random free index in the current list of {@code issuer} for {@code purpose} and holds it. */
    @Transactional
    Slot allocate(Issuer issuer, IssuerIdentity identity, StatusPurpose purpose, CredentialId credential) {
        OrganizationId organization = issuer.organization();
        String slug = issuer.slug();
        CurrentKey key = new CurrentKey(organization, purpose, identity.column());
        for (int attempt = 0; attempt < 4; attempt++) {
            OpenList list = usableList(key);
            for (int draw = 0; draw < MAX_DRAWS; draw++) {
                int index = random.nextInt(LIST_SIZE);
                int held = jdbc.sql("insert into status_allocation (status_list_id, status_index, credential_id)"
                                + " values (?, ?, ?) on conflict do nothing")
                        .params(list.id(), index, credential.value())
                        .update();
                if (held == 1) {
                    return slot(slug, purpose, list, index);
                }
            }
            close(key, list); // far fuller than its capacity says: never block issuance on it
        }
        throw new IllegalStateException("No status list of " + organization + " could give a free index");
    }

    /** The current list, after closing it (and taking the next) when this instance's count says it is full. */
    private OpenList usableList(CurrentKey key) {
        for (int attempt = 0; attempt < 4; attempt++) {
            OpenList list = currentList(key);
            if (list.sinceCount().incrementAndGet() >= properties.checkEvery()) {
                list.sinceCount().set(0);
                if (full(list.id())) {
                    close(key, list);
                    continue;
                }
            }
            return list;
        }
        throw new IllegalStateException("No status list of " + key.organization() + " has room");
    }

    private boolean full(UUID list) {
        int held = jdbc.sql("select count(*) from status_allocation where status_list_id = ?")
                .param(list)
                .query(Integer.class)
                .single();
        return held >= properties.capacity();
    }

    private void close(CurrentKey key, OpenList list) {
        jdbc.sql("update status_list set closed_at = ? where id = ? and closed_at is null")
                .params(Timestamp.from(clock.instant()), list.id())
                .update();
        current.remove(key, list);
    }

    /**
     * The list to allocate in. Only a list that was already in the database when read is remembered: one this
     * transaction opens may yet roll back, so the next allocation reads it again (committed by then, or gone).
     */
    private OpenList currentList(CurrentKey key) {
        OpenList remembered = current.get(key);
        if (remembered != null) {
            return remembered;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            Optional<OpenList> open = jdbc.sql("select id, list_number from status_list where organization_id = ?"
                            + " and purpose = ? and issuer = ? and closed_at is null order by list_number desc limit 1")
                    .params(key.organization().value(), key.purpose().value(), key.issuer())
                    .query((rs, n) -> new OpenList(rs.getObject(1, UUID.class), rs.getInt(2), new AtomicInteger()))
                    .optional();
            if (open.isPresent()) {
                return attempt == 0 ? current.merge(key, open.get(), (earlier, read) -> earlier) : open.get();
            }
            openList(key);
        }
        throw new IllegalStateException("Could not open a status list for " + key.organization());
    }

    /**
     * Opens a list numbered after every list of the organization and purpose. Two instances opening at once race on
     * the unique list number: the loser's insert does nothing, and it reads again.
     */
    private void openList(CurrentKey key) {
        int next = jdbc.sql("select coalesce(max(list_number), 0) + 1 from status_list where organization_id = ?"
                        + " and purpose = ?")
                .params(key.organization().value(), key.purpose().value())
                .query(Integer.class)
                .single();
        jdbc.sql("insert into status_list (id, organization_id, purpose, list_number, size, created_at, issuer)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(
                        UUID.randomUUID(),
                        key.organization().value(),
                        key.purpose().value(),
                        next,
                        LIST_SIZE,
                        Timestamp.from(clock.instant()),
                        key.issuer())
                .update();
    }

    /** Records that a status changed, so the next fetch of the list publishes a fresh copy. */
    void touch(UUID list) {
        jdbc.sql("update status_list set version = version + 1 where id = ?")
                .param(list)
                .update();
    }

    /**
     * A revocation list's credentials as a 2-bit IETF Token Status List, for SD-JWT VCs: 1 (INVALID) where revoked, 2
     * (SUSPENDED) where suspended, 0 elsewhere — each credential at its revocation index. Empty for no such list.
     */
    Optional<TokenStatusList> tokenStatuses(OrganizationId organization, int number) {
        Optional<UUID> list = jdbc.sql(
                        "select id from status_list where organization_id = ? and purpose = ?" + " and list_number = ?")
                .params(organization.value(), StatusPurpose.REVOCATION.value(), number)
                .query(UUID.class)
                .optional();
        if (list.isEmpty()) {
            return Optional.empty();
        }
        TokenStatusList statuses = TokenStatusList.of(2, LIST_SIZE);
        jdbc.sql("select status_index, status from issued_credential where status_list_id = ?"
                        + " and status in ('REVOKED', 'SUSPENDED')")
                .param(list.get())
                .query((rs, n) -> {
                    statuses.set(
                            rs.getInt(1),
                            CredentialStatus.ofColumn(rs.getString(2)) == CredentialStatus.REVOKED
                                    ? TokenStatusList.INVALID
                                    : TokenStatusList.SUSPENDED);
                    return n;
                })
                .list();
        return Optional.of(statuses);
    }

    /**
     * The signed list credential, re-signed only when a status in it changed since the last publication. It is signed
     * by the identity that issued the credentials in it: the organization's did:web, or a key's did:key.
     */
    @Transactional
    public Optional<String> published(Issuer issuer, StatusPurpose purpose, int number) {
        OrganizationId organization = issuer.organization();
        String slug = issuer.slug();
        record ListRow(UUID id, long version, Long publishedVersion, String document, String issuer) {}
        Optional<ListRow> row = jdbc.sql("select id, version, published_version, published_document, issuer"
                        + " from status_list where organization_id = ? and purpose = ? and list_number = ?")
                .params(organization.value(), purpose.value(), number)
                .query((rs, n) -> new ListRow(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ListRow list = row.get();
        if (list.publishedVersion() != null && list.publishedVersion() == list.version() && list.document() != null) {
            return Optional.of(list.document());
        }
        BitstringStatusList bits = BitstringStatusList.ofLength(LIST_SIZE);
        String sql = purpose == StatusPurpose.REVOCATION
                ? "select status_index from issued_credential where status_list_id = ? and status = 'REVOKED'"
                : "select suspension_index from issued_credential where suspension_list_id = ? and status = 'SUSPENDED'";
        jdbc.sql(sql).param(list.id()).query(Integer.class).list().forEach(index -> bits.set(index, true));
        Instant now = clock.instant();
        IssuerIdentity identity = IssuerIdentity.of(list.issuer());
        String issuerDid;
        IssuerKeys.SigningKey key;
        switch (identity) {
            case IssuerIdentity.Web web -> {
                issuerDid = issuer.did().value();
                key = keys.signingKey(issuer);
            }
            case IssuerIdentity.Key didKey -> {
                IssuerKeys.DidKeyIssuer signer = keys.didKeyIssuer(organization, didKey.keyId());
                issuerDid = signer.did().value();
                key = signer.signingKey();
            }
        }
        JsonObject unsigned = StatusListCredentials.unsigned(
                url(slug, purpose, number), issuerDid, purpose, bits, now, Optional.empty());
        String document = StrictJson.write(
                EddsaRdfc2022.sign(unsigned, key.keyPair(), ProofOptions.assertion(key.verificationMethod(), now)));
        jdbc.sql("update status_list set published_version = ?, published_document = ? where id = ?")
                .params(list.version(), document, list.id())
                .update();
        return Optional.of(document);
    }

    URI url(String slug, StatusPurpose purpose, int number) {
        return URI.create(urls.base() + "/orgs/" + slug + "/status/" + purpose.value() + "/" + number);
    }
}
