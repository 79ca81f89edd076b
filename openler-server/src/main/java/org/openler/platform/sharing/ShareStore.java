package org.openler.platform.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shares' tables. Every read and write a learner makes is scoped by the owner's account id. */
@Repository
class ShareStore {

    /** More than any learner is expected to make; a guard against a list that never ends. */
    static final int MAX_LISTED = 500;

    private static final String COLUMNS =
            "id, party, purpose, created_at, expires_at, revoked_at, target_kind, target_ref, target_title";

    private final JdbcClient jdbc;

    ShareStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A share's row as stored, before its items are attached and its status worked out. */
    record Row(
            UUID id,
            String party,
            String purpose,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            Share.@Nullable Target target) {}

    /** Found by the link's token: whose it is, and the row. */
    record Linked(AccountId owner, Row row) {}

    void insert(
            AccountId owner,
            UUID id,
            @Nullable String tokenHash,
            String party,
            String purpose,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt) {
        insert(owner, id, tokenHash, party, null, purpose, createdAt, expiresAt, revokedAt, null);
    }

    void insert(
            AccountId owner,
            UUID id,
            @Nullable String tokenHash,
            String party,
            @Nullable UUID partyOrganization,
            String purpose,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            Share.@Nullable Target target) {
        jdbc.sql("insert into credential_share (id, account_id, token_hash, party, party_organization_id, purpose,"
                        + " created_at, expires_at, revoked_at, target_kind, target_ref, target_title)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        owner.value(),
                        tokenHash,
                        party,
                        partyOrganization,
                        purpose,
                        Timestamp.from(createdAt),
                        Timestamp.from(expiresAt),
                        revokedAt == null ? null : Timestamp.from(revokedAt),
                        target == null ? null : target.kind(),
                        target == null ? null : target.ref(),
                        target == null ? null : target.title())
                .update();
    }

    /**
     * The one organization on the platform with this name (ignoring case and outer spaces), if exactly one has it:
     * what a party typed in words can be taken for. Two with the name: none, never a guess.
     */
    Optional<UUID> organizationNamed(String name) {
        List<UUID> found = jdbc.sql("select id from organization where lower(trim(name)) = lower(?) limit 2")
                .param(name.strip())
                .query(UUID.class)
                .list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** The held credentials the owner shares now (unrevoked, unexpired) with this organization, by its id. */
    Set<UUID> sharedWith(AccountId owner, UUID organization, Instant now) {
        return new HashSet<>(jdbc.sql("select i.credential_id from credential_share s join credential_share_item i"
                        + " on i.share_id = s.id where s.account_id = ? and s.party_organization_id = ?"
                        + " and s.revoked_at is null and s.expires_at > ? and i.credential_id is not null")
                .params(owner.value(), organization, Timestamp.from(now))
                .query(UUID.class)
                .list());
    }

    void insertItem(UUID share, int position, Share.Item item) {
        jdbc.sql("insert into credential_share_item (share_id, item_position, credential_id, credential_name,"
                        + " disclosed_claims) values (?, ?, ?, ?, ?)")
                .params(
                        share,
                        position,
                        item.credentialId(),
                        item.credentialName(),
                        item.disclosedClaims().isEmpty() ? null : String.join(" ", item.disclosedClaims()))
                .update();
    }

    List<Row> list(AccountId owner) {
        return jdbc.sql("select " + COLUMNS + " from credential_share where account_id = ?"
                        + " order by created_at desc limit " + MAX_LISTED)
                .param(owner.value())
                .query(ShareStore::row)
                .list();
    }

    Optional<Row> find(AccountId owner, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from credential_share where account_id = ? and id = ?")
                .params(owner.value(), id)
                .query(ShareStore::row)
                .optional();
    }

    Optional<Linked> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + ", account_id from credential_share where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Linked(new AccountId(rs.getObject(10, UUID.class)), row(rs, n)))
                .optional();
    }

    /** The items of the owner's shares, by share, in their order. */
    Map<UUID, List<Share.Item>> items(AccountId owner, List<UUID> shares) {
        Map<UUID, List<Share.Item>> items = new LinkedHashMap<>();
        shares.forEach(id -> items.put(id, new ArrayList<>()));
        if (shares.isEmpty()) {
            return items;
        }
        jdbc.sql("select i.share_id, i.credential_id, i.credential_name, i.disclosed_claims"
                        + " from credential_share_item i join credential_share s on s.id = i.share_id"
                        + " where s.account_id = ?"
                        + (shares.size() == 1 ? " and s.id = ?" : "")
                        + " order by i.share_id, i.item_position")
                .params(shares.size() == 1 ? List.of(owner.value(), shares.get(0)) : List.of(owner.value()))
                .query((rs, n) -> {
                    UUID share = rs.getObject(1, UUID.class);
                    String disclosed = rs.getString(4);
                    List<Share.Item> list = items.get(share);
                    if (list != null) {
                        list.add(new Share.Item(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                disclosed == null ? List.of() : Arrays.asList(disclosed.split(" "))));
                    }
                    return share;
                })
                .list();
        return items;
    }

    /** Ends the share now unless it ended already; true if this call ended it. */
    boolean revoke(AccountId owner, UUID id, Instant at) {
        return jdbc.sql("update credential_share set revoked_at = ?"
                                + " where account_id = ? and id = ? and revoked_at is null")
                        .params(Timestamp.from(at), owner.value(), id)
                        .update()
                == 1;
    }

    int revokeAll(AccountId owner, Instant at) {
        return jdbc.sql("update credential_share set revoked_at = ?, token_hash = null"
                        + " where account_id = ? and revoked_at is null")
                .params(Timestamp.from(at), owner.value())
                .update();
    }

    void insertAccess(AccountId owner, UUID share, ShareAccess access, @Nullable UUID organization) {
        jdbc.sql("insert into credential_share_access (id, share_id, account_id, accessed_at, kind, party_kind,"
                        + " organization_id, organization_name) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        access.id(),
                        share,
                        owner.value(),
                        Timestamp.from(access.at()),
                        access.kind().name(),
                        access.partyKind().name(),
                        organization,
                        access.organizationName())
                .update();
    }

    /** The owner's accesses, newest first; of one share, or of all when {@code share} is null. */
    List<ShareAccess> accesses(AccountId owner, @Nullable UUID share) {
        return jdbc.sql("select id, share_id, accessed_at, kind, party_kind, organization_name"
                        + " from credential_share_access where account_id = ?"
                        + (share == null ? "" : " and share_id = ?")
                        + " order by accessed_at desc, id limit 1000")
                .params(share == null ? List.of(owner.value()) : List.of(owner.value(), share))
                .query((rs, n) -> new ShareAccess(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        ShareAccess.Kind.valueOf(rs.getString(4)),
                        ShareAccess.PartyKind.valueOf(rs.getString(5)),
                        rs.getString(6)))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp(6);
        String kind = rs.getString(7);
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                revoked == null ? null : revoked.toInstant(),
                kind == null ? null : new Share.Target(kind, rs.getString(8), rs.getString(9)));
    }
}
