package org.openler.platform.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.keys.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The offers' rows and the OpenID4VCI nonces. Codes, tokens and nonces are looked up by their SHA-256 only. */
@Repository
class ExchangeStore {

    private static final String COLUMNS = "id, account_id, wallet_credential_id, issued_credential_id, challenge,"
            + " tx_code_hash, access_token_expires_at, expires_at, completed_at, protocol, holder_did, delivered_format,"
            + " delivered_credential_id";

    private final JdbcClient jdbc;

    ExchangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An offer as stored. */
    record Row(
            UUID id,
            AccountId owner,
            UUID walletCredential,
            UUID issuedCredential,
            String challenge,
            @Nullable String txCodeHash,
            @Nullable Instant accessTokenExpiresAt,
            Instant expiresAt,
            @Nullable Instant completedAt,
            @Nullable String protocol,
            @Nullable String holderDid,
            @Nullable String deliveredFormat,
            @Nullable UUID deliveredCredential) {

        boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    record NewOffer(
            UUID id,
            AccountId owner,
            UUID walletCredential,
            UUID issuedCredential,
            String challenge,
            String preAuthorizedCode,
            Optional<String> txCode,
            Instant createdAt,
            Instant expiresAt) {}

    void insert(NewOffer offer) {
        jdbc.sql(
                        "insert into credential_exchange (id, account_id, wallet_credential_id, issued_credential_id, challenge,"
                                + " pre_authorized_code_hash, tx_code_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        offer.id(),
                        offer.owner().value(),
                        offer.walletCredential(),
                        offer.issuedCredential(),
                        offer.challenge(),
                        SecretTokens.hash(offer.preAuthorizedCode()),
                        offer.txCode().map(SecretTokens::hash).orElse(null),
                        Timestamp.from(offer.createdAt()),
                        Timestamp.from(offer.expiresAt()))
                .update();
    }

    /** The offer behind a VC-API exchange id, locked for the rest of the transaction when asked. */
    Optional<Row> byId(UUID id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from credential_exchange where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query(ExchangeStore::row)
                .optional();
    }

    Optional<Row> byPreAuthorizedCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from credential_exchange where pre_authorized_code_hash = ? for update")
                .param(SecretTokens.hash(code))
                .query(ExchangeStore::row)
                .optional();
    }

    Optional<Row> byAccessToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from credential_exchange where access_token_hash = ? for update")
                .param(SecretTokens.hash(token))
                .query(ExchangeStore::row)
                .optional();
    }

    void grantAccessToken(UUID id, String token, Instant expiresAt) {
        jdbc.sql("update credential_exchange set access_token_hash = ?, access_token_expires_at = ?" + " where id = ?")
                .params(SecretTokens.hash(token), Timestamp.from(expiresAt), id)
                .update();
    }

    void complete(UUID id, String protocol, String holderDid, String format, UUID delivered, Instant at) {
        jdbc.sql("update credential_exchange set completed_at = ?, protocol = ?, holder_did = ?, delivered_format = ?,"
                        + " delivered_credential_id = ? where id = ?")
                .params(Timestamp.from(at), protocol, holderDid, format, delivered, id)
                .update();
    }

    void addNonce(String nonce, Instant expiresAt) {
        jdbc.sql("insert into oid4vci_nonce (nonce_hash, expires_at) values (?, ?)")
                .params(SecretTokens.hash(nonce), Timestamp.from(expiresAt))
                .update();
    }

    /** Takes a nonce: true once for a nonce handed out and not expired; false for any replay. */
    boolean takeNonce(String nonce, Instant now) {
        // Expired nonces go in the same breath, so the table holds only the few minutes' worth still usable.
        jdbc.sql("delete from oid4vci_nonce where expires_at <= ?")
                .param(Timestamp.from(now))
                .update();
        return jdbc.sql("delete from oid4vci_nonce where nonce_hash = ?")
                        .param(SecretTokens.hash(nonce))
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                new AccountId(rs.getObject(2, UUID.class)),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                instant(rs.getTimestamp(7)),
                rs.getTimestamp(8).toInstant(),
                instant(rs.getTimestamp(9)),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getObject(13, UUID.class));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
