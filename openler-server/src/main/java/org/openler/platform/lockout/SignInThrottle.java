package org.openler.platform.lockout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.security.SignInGuard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per name (an e-mail address or a client id) and per source address, in the database so the
 * count holds across restarts and instances. An attempt is counted as a failure before the password is checked, under
 * a row lock, and forgiven when it succeeds: so parallel guesses cannot slip past the limit between check and count.
 * Names are counted whether or not anyone has them, and unknown names wait exactly as known ones do; only the notice
 * e-mail (which the guesser never sees) depends on the account existing.
 */
@Service
public class SignInThrottle implements SignInGuard {

    enum Kind {
        ACCOUNT,
        CLIENT,
        ADDRESS
    }

    private final JdbcClient jdbc;
    private final LockoutProperties limits;
    private final AccountService accounts;
    private final MachineClientService clients;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    SignInThrottle(
            JdbcClient jdbc,
            LockoutProperties limits,
            AccountService accounts,
            MachineClientService clients,
            MailOutbox outbox,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.accounts = accounts;
        this.clients = clients;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(
            int failures,
            @Nullable Instant lastFailureAt,
            @Nullable Instant lockedAt) {}

    @Override
    @Transactional
    public Decision begin(Attempt attempt) {
        Instant now = clock.instant();
        Kind nameKind = nameKind(attempt.channel());
        String name = subject(nameKind, attempt.name());
        String address = subject(Kind.ADDRESS, attempt.address());
        // Always the name first, then the address: two attempts lock rows in the same order and cannot deadlock.
        Row byName = lock(nameKind, name);
        Row byAddress = forgetStale(lock(Kind.ADDRESS, address), now);
        if (byName.lockedAt() != null) {
            return new Wait(limits.maxDelay(), true);
        }
        Duration nameWait = remaining(byName, limits.freeFailures(), now);
        Duration addressWait = remaining(byAddress, limits.addressFreeFailures(), now);
        Duration wait = nameWait.compareTo(addressWait) >= 0 ? nameWait : addressWait;
        if (wait.isPositive()) {
            return new Wait(wait, false);
        }
        store(nameKind, name, byName.failures() + 1, now);
        store(Kind.ADDRESS, address, byAddress.failures() + 1, now);
        return new Go();
    }

    @Override
    @Transactional
    public void settle(Attempt attempt, boolean succeeded) {
        Kind nameKind = nameKind(attempt.channel());
        String name = subject(nameKind, attempt.name());
        if (succeeded) {
            // Consecutive failures end with a success (NIST counts consecutive ones); the address is forgiven the one
            // attempt it was charged, but keeps the rest: one valid account must not reset a guesser's address.
            jdbc.sql("delete from sign_in_throttle where kind = ? and subject = ? and locked_at is null")
                    .params(nameKind.name(), name)
                    .update();
            jdbc.sql("update sign_in_throttle set failures = failures - 1 where kind = ? and subject = ?"
                            + " and failures > 0")
                    .params(Kind.ADDRESS.name(), subject(Kind.ADDRESS, attempt.address()))
                    .update();
            return;
        }
        int failures = jdbc.sql("select failures from sign_in_throttle where kind = ? and subject = ?")
                .params(nameKind.name(), name)
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (failures >= limits.lockAt()) {
            int locked = jdbc.sql("update sign_in_throttle set locked_at = ? where kind = ? and subject = ?"
                            + " and locked_at is null")
                    .params(Timestamp.from(clock.instant()), nameKind.name(), name)
                    .update();
            if (locked == 1) {
                tellHolder(attempt, failures, true);
            }
        } else if (failures == limits.noticeAt()) {
            tellHolder(attempt, failures, false);
        }
    }

    /** Lifts the lock and the delays of one account (by its e-mail address). True if there was anything to lift. */
    @Transactional
    public boolean unlockAccount(Account account, Actor by, @Nullable OrganizationId organization) {
        boolean lifted = unlock(Kind.ACCOUNT, account.email().value());
        audit.record(AuditEvent.success(AuditAction.SIGN_IN_UNLOCKED, by, organization, "account:" + account.id()));
        return lifted;
    }

    /** Lifts the lock and the delays of one machine client. */
    @Transactional
    public boolean unlockClient(String clientId, Actor by, OrganizationId organization) {
        boolean lifted = unlock(Kind.CLIENT, clientId);
        audit.record(AuditEvent.success(AuditAction.SIGN_IN_UNLOCKED, by, organization, "client:" + clientId));
        return lifted;
    }

    /** Whether the name is locked (not merely delayed): for pages and tests. */
    public boolean isLocked(Channel channel, String name) {
        Kind kind = nameKind(channel);
        return jdbc.sql(
                                "select count(*) from sign_in_throttle where kind = ? and subject = ? and locked_at is not null")
                        .params(kind.name(), subject(kind, name))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether this account's password sign-in is locked (the organization's staff page shows an unlock button). */
    public boolean isAccountLocked(String email) {
        return isLocked(Channel.PASSWORD, email);
    }

    private boolean unlock(Kind kind, String name) {
        return jdbc.sql("delete from sign_in_throttle where kind = ? and subject = ?")
                        .params(kind.name(), subject(kind, name))
                        .update()
                > 0;
    }

    private void tellHolder(Attempt attempt, int failures, boolean locked) {
        String detail = failures + " failed attempts in a row; " + (locked ? "locked until unlocked" : "delays grow");
        switch (attempt.channel()) {
            case PASSWORD -> {
                Optional<Account> account = accounts.findByEmail(attempt.name());
                audit.record(new AuditEvent(
                        AuditAction.SIGN_IN_LOCKED,
                        "anonymous",
                        null,
                        account.map(a -> "account:" + a.id()).orElse("unknown account"),
                        AuditEvent.Outcome.FAILURE,
                        detail));
                account.ifPresent(a -> outbox.enqueue(a.email().value(), noticeSubject(locked), noticeBody(locked)));
            }
            case CLIENT_SECRET -> {
                Optional<OrganizationId> organization = clients.organizationOf(attempt.name());
                audit.record(new AuditEvent(
                        AuditAction.SIGN_IN_LOCKED,
                        "anonymous",
                        organization.orElse(null),
                        organization.isPresent() ? "client:" + attempt.name() : "unknown client",
                        AuditEvent.Outcome.FAILURE,
                        detail));
            }
        }
    }

    private static String noticeSubject(boolean locked) {
        return locked ? "Your OpenLER sign-in is locked" : "Someone is trying to sign in to your OpenLER account";
    }

    private String noticeBody(boolean locked) {
        return locked
                ? "Your OpenLER account had " + limits.lockAt() + " failed sign-in attempts in a row, so signing in"
                        + " with a password is locked. Your records are safe.\n\nTo unlock it, ask an administrator"
                        + " of your organization or the platform operator. If the attempts were not yours, choose a"
                        + " new, long password once you are back in."
                : "Your OpenLER account had " + limits.noticeAt() + " failed sign-in attempts in a row. Each further"
                        + " attempt now has to wait longer.\n\nIf it was you, wait a few minutes and try again, or"
                        + " reset your password. If it was not you, nothing is needed: the attempts are slowed and"
                        + " your account stays as it is.";
    }

    private Row lock(Kind kind, String subject) {
        jdbc.sql("insert into sign_in_throttle (kind, subject, failures) values (?, ?, 0) on conflict do nothing")
                .params(kind.name(), subject)
                .update();
        return jdbc.sql("select failures, last_failure_at, locked_at from sign_in_throttle"
                        + " where kind = ? and subject = ? for update")
                .params(kind.name(), subject)
                .query((rs, n) -> new Row(
                        rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
    }

    /** An address that has been quiet for the window starts afresh; names never do (their count is consecutive). */
    private Row forgetStale(Row address, Instant now) {
        Instant last = address.lastFailureAt();
        return last != null && last.plus(limits.addressWindow()).isBefore(now) ? new Row(0, null, null) : address;
    }

    private Duration remaining(Row row, int free, Instant now) {
        Instant last = row.lastFailureAt();
        Duration delay = limits.delayAfter(row.failures(), free);
        // Within the free failures nothing is owed, whatever the clocks say (an address shared by many people signing
        // in at once has a failure time a moment ago, or a moment "ahead", on every attempt).
        if (last == null || delay.isZero()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, last.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void store(Kind kind, String subject, int failures, Instant now) {
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure_at = ? where kind = ? and subject = ?")
                .params(failures, Timestamp.from(now), kind.name(), subject)
                .update();
    }

    private static Kind nameKind(Channel channel) {
        return switch (channel) {
            case PASSWORD -> Kind.ACCOUNT;
            case CLIENT_SECRET -> Kind.CLIENT;
        };
    }

    /** E-mail addresses are compared without case, as accounts are; the stored subject is a hash, never the name. */
    private static String subject(Kind kind, String value) {
        String normalised = kind == Kind.ACCOUNT ? value.strip().toLowerCase(Locale.ROOT) : value.strip();
        return SecretTokens.hash(kind.name() + ":" + normalised);
    }
}
