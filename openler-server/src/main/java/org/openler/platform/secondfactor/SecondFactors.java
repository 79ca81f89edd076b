package org.openler.platform.secondfactor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.keys.KeySealer;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factors and an organization's requirement of them. TOTP secrets are sealed with the master key
 * ({@link KeySealer}, bound to the account), recovery codes kept as SHA-256 only; passkeys live in Spring Security's
 * WebAuthn tables and are only counted here.
 */
@Service
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "OpenLER";

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactors(JdbcClient jdbc, KeySealer sealer, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an account has: passkeys, a confirmed TOTP app, unused recovery codes. */
    public record Status(int passkeys, boolean totp, int recoveryCodesLeft) {
        public boolean any() {
            return passkeys > 0 || totp;
        }
    }

    /** A TOTP secret just made: shown once, as text and as the otpauth URI an app scans. */
    public record TotpEnrolment(String secret, String uri) {}

    public Status status(AccountId account) {
        int passkeys = jdbc.sql("select count(*) from user_credentials c join user_entities u"
                        + " on u.id = c.user_entity_user_id where u.account_id = ?")
                .param(account.value())
                .query(Integer.class)
                .single();
        boolean totp = jdbc.sql("select count(*) from account_totp where account_id = ? and confirmed_at is not null")
                        .param(account.value())
                        .query(Integer.class)
                        .single()
                > 0;
        int codes = jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
                .param(account.value())
                .query(Integer.class)
                .single();
        return new Status(passkeys, totp, codes);
    }

    public boolean hasSecondFactor(AccountId account) {
        return status(account).any();
    }

    /** Starts (or restarts) TOTP enrolment: a new secret, kept unconfirmed until the app's first code proves it. */
    @Transactional
    public TotpEnrolment beginTotp(AccountId account, String accountName) {
        byte[] secret = Totp.newSecret();
        byte[] sealedSecret = sealer.seal(secret, context(account));
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update account_totp set sealed_secret = ?, created_at = ?, last_step = 0"
                        + " where account_id = ? and confirmed_at is null")
                .params(sealedSecret, now, account.value())
                .update();
        if (updated == 0) {
            int confirmed = jdbc.sql("select count(*) from account_totp where account_id = ?")
                    .param(account.value())
                    .query(Integer.class)
                    .single();
            if (confirmed > 0) {
                throw PlatformException.invalid("totp", "An authenticator app is already set up. Remove it first.");
            }
            jdbc.sql("insert into account_totp (account_id, sealed_secret, created_at) values (?, ?, ?)")
                    .params(account.value(), sealedSecret, now)
                    .update();
        }
        return new TotpEnrolment(Totp.base32(secret), Totp.uri(ISSUER, accountName, secret));
    }

    /**
     * Confirms enrolment with the app's first code. Returns new recovery codes when the account had none unused (shown
     * once), else an empty list.
     */
    @Transactional
    public List<String> confirmTotp(AccountId account, String code, Actor by) {
        byte[] secret = secret(account, false)
                .orElseThrow(() -> PlatformException.invalid("code", "Start setting up an authenticator app first."));
        OptionalLong step = Totp.matchingStep(secret, code, Totp.step(clock.instant()));
        if (step.isEmpty()) {
            throw PlatformException.invalid("code", "That code is not right. Check the app's clock and try again.");
        }
        jdbc.sql("update account_totp set confirmed_at = ?, last_step = ? where account_id = ?")
                .params(Timestamp.from(clock.instant()), step.getAsLong(), account.value())
                .update();
        audit.record(AuditEvent.success(AuditAction.SECOND_FACTOR_ENROLLED, by, null, subject(account))
                .withDetail("totp"));
        enrolledAfterReset(account);
        return status(account).recoveryCodesLeft() == 0 ? newRecoveryCodes(account, by) : List.of();
    }

    /**
     * Checks a code from the account's confirmed app. A code is accepted once: its step must be later than the last
     * accepted one, and the check and the update are one statement, so two requests with the same code cannot both
     * pass.
     */
    @Transactional
    public boolean verifyTotp(AccountId account, String code) {
        Optional<byte[]> secret = secret(account, true);
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret.get(), code, Totp.step(clock.instant()));
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.sql("update account_totp set last_step = ? where account_id = ? and last_step < ?"
                                + " and confirmed_at is not null")
                        .params(step.getAsLong(), account.value(), step.getAsLong())
                        .update()
                == 1;
    }

    @Transactional
    public void removeTotp(AccountId account, Actor by) {
        if (jdbc.sql("delete from account_totp where account_id = ?")
                        .param(account.value())
                        .update()
                > 0) {
            audit.record(AuditEvent.success(AuditAction.SECOND_FACTOR_REMOVED, by, null, subject(account))
                    .withDetail("totp"));
        }
    }

    /** Ten new recovery codes, replacing any old ones; only their hashes are kept, so they are shown once. */
    @Transactional
    public List<String> newRecoveryCodes(AccountId account, Actor by) {
        jdbc.sql("delete from account_recovery_code where account_id = ?")
                .param(account.value())
                .update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = RecoveryCodes.newCode();
            codes.add(code);
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (?, ?)")
                    .params(account.value(), RecoveryCodes.hash(code))
                    .update();
        }
        audit.record(AuditEvent.success(AuditAction.RECOVERY_CODES_ISSUED, by, null, subject(account)));
        return codes;
    }

    /** Uses a recovery code: true once per code, never again. */
    @Transactional
    public boolean useRecoveryCode(AccountId account, String code) {
        boolean used = jdbc.sql("update account_recovery_code set used_at = ? where account_id = ? and code_hash = ?"
                                + " and used_at is null")
                        .params(Timestamp.from(clock.instant()), account.value(), RecoveryCodes.hash(code))
                        .update()
                == 1;
        if (used) {
            audit.record(new AuditEvent(
                    AuditAction.RECOVERY_CODE_USED,
                    subject(account),
                    null,
                    subject(account),
                    AuditEvent.Outcome.SUCCESS,
                    null));
        }
        return used;
    }

    /** Whether the organization requires its staff to have a second factor. */
    public boolean requiredBy(OrganizationId organization) {
        return jdbc.sql("select count(*) from organization_second_factor where organization_id = ? and required")
                        .param(organization.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Transactional
    public void require(OrganizationId organization, boolean required, Actor.Person by) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update organization_second_factor set required = ?, changed_at = ?, changed_by = ?"
                        + " where organization_id = ?")
                .params(required, now, by.accountId().value(), organization.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into organization_second_factor (organization_id, required, changed_at, changed_by)"
                            + " values (?, ?, ?, ?)")
                    .params(organization.value(), required, now, by.accountId().value())
                    .update();
        }
        audit.record(AuditEvent.success(
                        AuditAction.SECOND_FACTOR_REQUIREMENT_CHANGED, by, organization, "organization:" + organization)
                .withDetail(required ? "required" : "not required"));
    }

    /** Whether any organization the person is on the staff of requires a second factor. */
    public boolean requiredFor(AccountId account) {
        return jdbc.sql("select count(*) from membership m join organization_second_factor r"
                                + " on r.organization_id = m.organization_id where m.account_id = ? and r.required")
                        .param(account.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether the person holds a role that issues, revokes or manages keys anywhere (issuer or admin): asked to enrol. */
    public boolean holdsSigningPowers(AccountId account) {
        return jdbc.sql("select count(*) from membership where account_id = ? and role in (?, ?)")
                        .params(account.value(), StaffRole.ISSUER.name(), StaffRole.ADMIN.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void recordEnrolled(Actor by, AccountId account, String how) {
        audit.record(AuditEvent.success(AuditAction.SECOND_FACTOR_ENROLLED, by, null, subject(account))
                .withDetail(how));
        enrolledAfterReset(account);
    }

    /**
     * Whether the account's lost second factor was reset by an admin or the operator and no new one is enrolled yet:
     * sign-in then leads to the enrolment page, and organization routes stay closed ({@link SecondFactorResets}).
     */
    public boolean resetPending(AccountId account) {
        return jdbc.sql("select count(*) from second_factor_reset where account_id = ?")
                        .param(account.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private void enrolledAfterReset(AccountId account) {
        jdbc.sql("delete from second_factor_reset where account_id = ?")
                .param(account.value())
                .update();
    }

    /** The account a passkey's user entity belongs to (the entity's name is the account's e-mail address). */
    Optional<AccountId> accountOfPasskeyUser(String name) {
        return jdbc.sql("select account_id from user_entities where name = ? and account_id is not null")
                .param(name)
                .query((rs, n) -> new AccountId(rs.getObject(1, java.util.UUID.class)))
                .optional();
    }

    void recordRemoved(Actor by, AccountId account, String how) {
        audit.record(AuditEvent.success(AuditAction.SECOND_FACTOR_REMOVED, by, null, subject(account))
                .withDetail(how));
    }

    /** A failed second step, for the audit trail (never the code itself). */
    void recordFailure(AccountId account, String how) {
        audit.record(new AuditEvent(
                AuditAction.SECOND_FACTOR_FAILED,
                "anonymous",
                null,
                subject(account),
                AuditEvent.Outcome.FAILURE,
                how));
    }

    void recordPassed(AccountId account, String how) {
        audit.record(new AuditEvent(
                AuditAction.SECOND_FACTOR_PASSED,
                subject(account),
                null,
                subject(account),
                AuditEvent.Outcome.SUCCESS,
                how));
    }

    private Optional<byte[]> secret(AccountId account, boolean confirmed) {
        return jdbc.sql("select sealed_secret from account_totp where account_id = ?"
                        + (confirmed ? " and confirmed_at is not null" : " and confirmed_at is null"))
                .param(account.value())
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(blob -> sealer.unseal(blob, context(account)));
    }

    private static String context(AccountId account) {
        return "totp:" + account.value();
    }

    private static String subject(AccountId account) {
        return "account:" + account;
    }

    /** Recovery codes: 10 characters from an alphabet without look-alikes, shown as two groups of five. */
    static final class RecoveryCodes {
        private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
        private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

        private RecoveryCodes() {}

        static String newCode() {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            return code.toString();
        }

        /** Compared without case, spaces or the dash, as people type them back. */
        static String hash(String code) {
            String normalised =
                    code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
            return SecretTokens.hash("recovery:" + normalised);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
