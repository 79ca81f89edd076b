package org.openler.platform.secondfactor;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resetting a lost second factor (issue 19): an organization's admin for its staff, the platform operator for anyone.
 * The person who resets it states how the holder's identity was checked again (a lost factor plus a stolen password
 * must not be enough to take an account over), and confirms with their own password (see {@link ResetRoutes}). The
 * reset removes every passkey, the authenticator app and the recovery codes, ends the holder's sessions, and leaves a
 * mark that makes them enrol a new factor at their next sign-in; it is an audit event, and the holder is told by mail.
 */
@Service
class SecondFactorResets {

    /** How the holder's identity was checked again before the reset; recorded with it. */
    enum IdentityCheck {
        /** In person, with an identity document. */
        IN_PERSON,
        /** A video call, with an identity document shown. */
        VIDEO_CALL,
        /** A call back on a telephone number (or a letter to an address) the organization already had on file. */
        KNOWN_CONTACT;

        static IdentityCheck parse(@Nullable String value) {
            if (value != null) {
                for (IdentityCheck check : values()) {
                    if (check.name().equalsIgnoreCase(value.strip())) {
                        return check;
                    }
                }
            }
            throw PlatformException.invalid(
                    "identityCheck",
                    "Say how the person's identity was checked: IN_PERSON, VIDEO_CALL or KNOWN_CONTACT.");
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final Clock clock;

    SecondFactorResets(JdbcClient jdbc, AuditLog audit, MailOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Removes the holder's second factors, ends their sessions and marks them to enrol again, in one transaction.
     *
     * @param organization the organization whose admin resets it, or null for the operator
     */
    @Transactional
    public void reset(Account holder, IdentityCheck how, Actor.Person by, @Nullable OrganizationId organization) {
        if (holder.id().equals(by.accountId())) {
            // one's own lost factor is reset by somebody else, who checks one's identity
            throw new PlatformException(
                    Problem.FORBIDDEN,
                    "You cannot reset your own second factor: ask another administrator or the platform operator.");
        }
        jdbc.sql("delete from user_credentials where user_entity_user_id in"
                        + " (select id from user_entities where account_id = ?)")
                .param(holder.id().value())
                .update();
        jdbc.sql("delete from account_totp where account_id = ?")
                .param(holder.id().value())
                .update();
        jdbc.sql("delete from account_recovery_code where account_id = ?")
                .param(holder.id().value())
                .update();
        jdbc.sql("delete from second_factor_reset where account_id = ?")
                .param(holder.id().value())
                .update();
        jdbc.sql("insert into second_factor_reset (account_id, reset_at, reset_by, identity_check) values (?, ?, ?, ?)")
                .params(holder.id().value(), Timestamp.from(clock.instant()), by.auditName(), how.name())
                .update();
        // Whoever holds a session of theirs now (perhaps the one who took the factor) is signed out.
        jdbc.sql("delete from spring_session where lower(principal_name) = ?")
                .param(holder.email().value().toLowerCase(Locale.ROOT))
                .update();
        audit.record(AuditEvent.success(AuditAction.SECOND_FACTOR_RESET, by, organization, "account:" + holder.id())
                .withDetail("identity checked: " + how.name()));
        outbox.enqueue(holder.email().value(), "Your OpenLER second factor was reset", """
                %s reset the second factor of your OpenLER account (passkeys, authenticator app and recovery codes), \
                after checking your identity (%s). You were signed out everywhere.

                At your next sign-in you will be asked to set up a new passkey or authenticator app.

                If you did not ask for this, tell your organization's administrator or the platform operator at once.""".formatted(
                        organization == null ? "The platform operator" : "An administrator of your organization",
                        describe(how)));
    }

    private static String describe(IdentityCheck how) {
        return switch (how) {
            case IN_PERSON -> "in person, with an identity document";
            case VIDEO_CALL -> "by video call, with an identity document";
            case KNOWN_CONTACT -> "by calling you back on contact details already on file";
        };
    }
}
