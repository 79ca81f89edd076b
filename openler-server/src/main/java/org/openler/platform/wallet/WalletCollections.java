package org.openler.platform.wallet;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A learner's named groups of held credentials. Scoped by the owner in every statement, like the wallet itself. */
@Service
public class WalletCollections {

    static final int MAX_NAME = 200;
    static final int MAX_COLLECTIONS = 100;

    private final JdbcClient jdbc;
    private final Wallet wallet;
    private final Clock clock;

    WalletCollections(JdbcClient jdbc, Wallet wallet, Clock clock) {
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.clock = clock;
    }

    /** A collection and the wallet ids of the credentials in it. */
    public record Collection(UUID id, String name, Set<UUID> credentials) {}

    public List<Collection> list(AccountId owner) {
        Map<UUID, Set<UUID>> items = jdbc
                .sql("select collection_id, credential_id from wallet_collection_item where account_id = ?")
                .param(owner.value())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        return jdbc.sql("select id, name from wallet_collection where account_id = ? order by created_at, name")
                .param(owner.value())
                .query((rs, n) -> new Collection(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Set.copyOf(items.getOrDefault(rs.getObject(1, UUID.class), Set.of()))))
                .list();
    }

    @Transactional
    public UUID create(AccountId owner, String name) {
        String clean = name(name);
        int count = jdbc.sql("select count(*) from wallet_collection where account_id = ?")
                .param(owner.value())
                .query(Integer.class)
                .single();
        if (count >= MAX_COLLECTIONS) {
            throw PlatformException.conflict("You have " + MAX_COLLECTIONS + " collections, the most there can be.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into wallet_collection (id, account_id, name, created_at) values (?, ?, ?, ?)")
                .params(id, owner.value(), clean, Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    @Transactional
    public void rename(AccountId owner, CollectionId collection, String name) {
        String clean = name(name);
        int changed = jdbc.sql("update wallet_collection set name = ?" + " where account_id = ? and id = ?")
                .params(clean, owner.value(), collection.value())
                .update();
        if (changed != 1) {
            throw PlatformException.notFound("The collection");
        }
    }

    @Transactional
    public void delete(AccountId owner, CollectionId collection) {
        jdbc.sql("delete from wallet_collection_item where account_id = ? and collection_id = ?")
                .params(owner.value(), collection.value())
                .update();
        int deleted = jdbc.sql("delete from wallet_collection where account_id = ? and id = ?")
                .params(owner.value(), collection.value())
                .update();
        if (deleted != 1) {
            throw PlatformException.notFound("The collection");
        }
    }

    /** Puts a held credential in a collection; already there, nothing changes. */
    @Transactional
    public void add(AccountId owner, CollectionId collection, HeldCredentialId credential) {
        requireCollection(owner, collection.value());
        wallet.get(owner, credential); // the learner's own credential, or "not found"
        jdbc.sql("insert into wallet_collection_item (collection_id, credential_id, account_id, added_at)"
                        + " values (?, ?, ?, ?) on conflict do nothing")
                .params(collection.value(), credential.value(), owner.value(), Timestamp.from(clock.instant()))
                .update();
    }

    @Transactional
    public void remove(AccountId owner, CollectionId collection, HeldCredentialId credential) {
        requireCollection(owner, collection.value());
        jdbc.sql("delete from wallet_collection_item where account_id = ? and collection_id = ? and credential_id = ?")
                .params(owner.value(), collection.value(), credential.value())
                .update();
    }

    private void requireCollection(AccountId owner, UUID collection) {
        boolean mine = jdbc.sql("select count(*) from wallet_collection where account_id = ? and id = ?")
                        .params(owner.value(), collection)
                        .query(Integer.class)
                        .single()
                == 1;
        if (!mine) {
            throw PlatformException.notFound("The collection");
        }
    }

    private static String name(String name) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw PlatformException.invalid("name", "Give the collection a name, up to " + MAX_NAME + " characters.");
        }
        return clean;
    }
}
