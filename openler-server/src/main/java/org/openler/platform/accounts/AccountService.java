package org.openler.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: create, find, and reset passwords. The public face of the accounts feature. */
@Service
public class AccountService {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    private static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(
            AccountRepository accounts,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            MailOutbox outbox,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a person types to create an account. Validated as a whole so every wrong field is reported at once. */
    public record NewAccount(String email, String displayName, String password, AccountKind kind, String locale) {}

    @Transactional
    public Account create(NewAccount request) {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        if (!EmailAddress.isValid(request.email())) {
            errors.add(new PlatformException.FieldError("email", "Enter a valid e-mail address."));
        }
        String name = request.displayName().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new PlatformException.FieldError("displayName", "Enter your name (up to 200 characters)."));
        }
        checkPassword(request.password(), errors);
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
        }
        EmailAddress email = new EmailAddress(request.email());
        if (accounts.findByEmail(email).isPresent()) {
            throw duplicateEmail();
        }
        Account account = new Account(
                AccountId.random(),
                email,
                name,
                request.kind(),
                "es".equals(request.locale()) ? "es" : "en",
                false,
                clock.instant());
        try {
            accounts.insert(account, passwords.encode(request.password()));
        } catch (DuplicateKeyException raced) {
            throw duplicateEmail();
        }
        audit.record(AuditEvent.success(
                AuditAction.ACCOUNT_CREATED, new Actor.Person(account.id(), account.kind(), false), null, null));
        return account;
    }

    public Optional<Account> find(AccountId id) {
        return accounts.findById(id).map(AccountRepository.StoredAccount::account);
    }

    /** Changes the name the person goes by (the privacy center's "correct"). */
    @Transactional
    public void rename(AccountId id, String displayName) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw PlatformException.invalid("displayName", "Enter your name (up to 200 characters).");
        }
        if (!accounts.updateDisplayName(id, name)) {
            throw PlatformException.notFound("Your account");
        }
    }

    /** The language of the person's pages and messages: English or Spanish. */
    @Transactional
    public void changeLanguage(AccountId id, String locale) {
        if (!"en".equals(locale) && !"es".equals(locale)) {
            throw PlatformException.invalid("language", "Choose English (en) or Spanish (es).");
        }
        accounts.updateLocale(id, locale);
    }

    /**
     * Deletes the account row; every table that names the account by id cascades. Only the privacy feature's account
     * deletion calls this, after every feature withdrew what others hold and erased what does not cascade.
     */
    @Transactional
    public void delete(AccountId id) {
        if (!accounts.delete(id)) {
            throw PlatformException.notFound("Your account");
        }
    }

    public Optional<Account> findByEmail(String email) {
        if (!EmailAddress.isValid(email)) {
            return Optional.empty();
        }
        return accounts.findByEmail(new EmailAddress(email)).map(AccountRepository.StoredAccount::account);
    }

    /**
     * Sends a reset link if the address has an account. Says nothing either way to the caller, so the form cannot
     * be used to find out who has an account.
     */
    @Transactional
    public void requestPasswordReset(String email, String baseUrl) {
        if (!EmailAddress.isValid(email)) {
            return;
        }
        accounts.findByEmail(new EmailAddress(email)).ifPresent(stored -> {
            String token = SecretTokens.newToken();
            Instant now = clock.instant();
            jdbc.sql("insert into password_reset (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
                    .params(
                            SecretTokens.hash(token),
                            stored.account().id().value(),
                            Timestamp.from(now),
                            Timestamp.from(now.plus(RESET_VALIDITY)))
                    .update();
            outbox.enqueue(
                    stored.account().email().value(),
                    "Reset your OpenLER password",
                    "Someone asked to reset the password of your OpenLER account. If it was you, open this link"
                            + " within 30 minutes:\n\n" + baseUrl + "/password/reset/" + token
                            + "\n\nIf it was not you, ignore this message; your password stays as it is.");
            audit.record(AuditEvent.success(
                    AuditAction.PASSWORD_RESET_REQUESTED,
                    new Actor.Anonymous(),
                    null,
                    "account:" + stored.account().id()));
        });
    }

    /** True if the reset link is still good (unused, unexpired). */
    public boolean isResetTokenValid(String token) {
        return findReset(token).isPresent();
    }

    @Transactional
    public void resetPassword(String token, String newPassword) {
        List<PlatformException.FieldError> errors = new ArrayList<>();
        checkPassword(newPassword, errors);
        if (!errors.isEmpty()) {
            throw new PlatformException(Problem.INVALID_INPUT, "Some fields are not valid.", errors);
        }
        AccountId account = findReset(token)
                .orElseThrow(() -> new PlatformException(
                        Problem.GONE, "This reset link has expired or was already used. Ask for a new one."));
        // Mark used first and require exactly one row: two racing submissions cannot both succeed.
        int used = jdbc.sql("update password_reset set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), SecretTokens.hash(token))
                .update();
        if (used != 1) {
            throw new PlatformException(Problem.GONE, "This reset link was already used.");
        }
        accounts.updatePassword(account, passwords.encode(newPassword));
        audit.record(AuditEvent.success(AuditAction.PASSWORD_RESET, new Actor.Anonymous(), null, "account:" + account));
    }

    private Optional<AccountId> findReset(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from password_reset where token_hash = ? and used_at is null"
                        + " and expires_at > ?")
                .params(SecretTokens.hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .optional();
    }

    private static void checkPassword(String password, List<PlatformException.FieldError> errors) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            errors.add(new PlatformException.FieldError(
                    "password", "Use " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters; a phrase works well."));
        }
    }

    private static PlatformException duplicateEmail() {
        return new PlatformException(
                Problem.CONFLICT,
                "An account with this e-mail address already exists. Sign in, or reset the password.",
                List.of(new PlatformException.FieldError("email", "This address already has an account.")));
    }
}
