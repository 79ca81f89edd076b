package org.openler.platform.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.keys.SecretTokens;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lockout's leftovers: quiet throttle rows are purged (never a lock), and an organization admin unlocks a locked
 * staff member from the staff page, which is an audit event of the organization.
 */
@PlatformTest
class ThrottlePurgeIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LockoutProperties limits;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    AuditLog audit;

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private String row(String kind, String name, Instant lastFailure, boolean locked) {
        String subject = SecretTokens.hash(kind + ":" + Fixtures.unique(name));
        jdbc.sql("insert into sign_in_throttle (kind, subject, failures, last_failure_at, locked_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        kind,
                        subject,
                        locked ? 100 : 7,
                        Timestamp.from(lastFailure),
                        locked ? Timestamp.from(lastFailure) : null)
                .update();
        return subject;
    }

    private boolean exists(String subject) {
        return jdbc.sql("select count(*) from sign_in_throttle where subject = ?")
                        .param(subject)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Test
    void quietRowsArePurgedAndLocksAndRecentFailuresAreKept() {
        String staleAddress = row("ADDRESS", "10.0.0.1", NOW.minus(Duration.ofHours(2)), false);
        String recentAddress = row("ADDRESS", "10.0.0.2", NOW.minus(Duration.ofMinutes(10)), false);
        String staleAccount = row("ACCOUNT", "old@example.org", NOW.minus(Duration.ofDays(31)), false);
        String recentAccount = row("ACCOUNT", "new@example.org", NOW.minus(Duration.ofDays(2)), false);
        String lockedAccount = row("ACCOUNT", "locked@example.org", NOW.minus(Duration.ofDays(400)), true);
        String staleClient = row("CLIENT", "client", NOW.minus(Duration.ofDays(45)), false);

        ThrottlePurge purge = new ThrottlePurge(jdbc, limits, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        assertThat(purge.purge()).isGreaterThanOrEqualTo(3);

        assertThat(exists(staleAddress)).isFalse();
        assertThat(exists(staleAccount)).isFalse();
        assertThat(exists(staleClient)).isFalse();
        assertThat(exists(recentAddress)).isTrue();
        assertThat(exists(recentAccount)).isTrue();
        assertThat(exists(lockedAccount))
                .as("a lock is lifted only by an unlock")
                .isTrue();
    }

    @Test
    void anAdminUnlocksALockedStaffMemberFromTheStaffPage() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Account member = fixtures.member(org, StaffRole.ISSUER);
        jdbc.sql("insert into sign_in_throttle (kind, subject, failures, last_failure_at, locked_at)"
                        + " values ('ACCOUNT', ?, 100, ?, ?)")
                .params(
                        SecretTokens.hash("ACCOUNT:" + member.email().value().toLowerCase(Locale.ROOT)),
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update();
        assertThat(throttle.isAccountLocked(member.email().value())).isTrue();

        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        String unlock = "/orgs/" + org.slug() + "/staff/" + member.id() + "/unlock";
        String staffPage = "/orgs/" + org.slug() + "/staff";
        assertThat(admin.page(staffPage).body()).contains("action=\"" + unlock + "\"");

        HttpResponse<String> unlocked = admin.submit(staffPage, unlock, Map.of());
        assertThat(unlocked.headers().firstValue("Location").orElse("")).endsWith(staffPage);
        assertThat(throttle.isAccountLocked(member.email().value())).isFalse();
        assertThat(audit.forOrganization(org.organization().id(), 20))
                .anyMatch(e -> e.action().equals(AuditAction.SIGN_IN_UNLOCKED.name())
                        && ("account:" + member.id()).equals(e.subject()));
        assertThat(admin.page(staffPage).body()).doesNotContain("action=\"" + unlock + "\"");
        // and the member signs in again
        assertThat(WebClient.on(port)
                        .signIn(member.email().value(), Fixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(302);
    }
}
