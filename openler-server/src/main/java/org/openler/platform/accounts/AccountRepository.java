package org.openler.platform.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String COLUMNS =
            "id, email, display_name, kind, preferred_locale, platform_operator, created_at, password_hash";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account, @Nullable String passwordHash) {
        jdbc.sql("insert into account (id, email, display_name, password_hash, kind, preferred_locale,"
                        + " platform_operator, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        account.id().value(),
                        account.email().value(),
                        account.displayName(),
                        passwordHash,
                        account.kind().name(),
                        account.preferredLocale(),
                        account.operator(),
                        Timestamp.from(account.createdAt()))
                .update();
    }

    Optional<StoredAccount> findByEmail(EmailAddress email) {
        return jdbc.sql("select " + COLUMNS + " from account where email = ?")
                .param(email.value())
                .query(AccountRepository::map)
                .optional();
    }

    Optional<StoredAccount> findById(AccountId id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?")
                .param(id.value())
                .query(AccountRepository::map)
                .optional();
    }

    boolean updatePassword(AccountId id, String passwordHash) {
        return jdbc.sql("update account set password_hash = ? where id = ?")
                        .params(passwordHash, id.value())
                        .update()
                == 1;
    }

    boolean updateDisplayName(AccountId id, String displayName) {
        return jdbc.sql("update account set display_name = ? where id = ?")
                        .params(displayName, id.value())
                        .update()
                == 1;
    }

    boolean updateLocale(AccountId id, String locale) {
        return jdbc.sql("update account set preferred_locale = ? where id = ?")
                        .params(locale, id.value())
                        .update()
                == 1;
    }

    boolean delete(AccountId id) {
        return jdbc.sql("delete from account where id = ?").param(id.value()).update() == 1;
    }

    Optional<AccountId> findLinked(String issuer, String subject) {
        return jdbc.sql("select account_id from external_identity where issuer = ? and subject = ?")
                .params(issuer, subject)
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .optional();
    }

    void link(String issuer, String subject, AccountId account, Instant at) {
        jdbc.sql("insert into external_identity (issuer, subject, account_id, created_at) values (?, ?, ?, ?)")
                .params(issuer, subject, account.value(), Timestamp.from(at))
                .update();
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        Account account = new Account(
                new AccountId(rs.getObject("id", UUID.class)),
                new EmailAddress(rs.getString("email")),
                rs.getString("display_name"),
                AccountKind.valueOf(rs.getString("kind")),
                rs.getString("preferred_locale"),
                rs.getBoolean("platform_operator"),
                rs.getTimestamp("created_at").toInstant());
        return new StoredAccount(account, rs.getString("password_hash"));
    }

    record StoredAccount(Account account, @Nullable String passwordHash) {}
}
