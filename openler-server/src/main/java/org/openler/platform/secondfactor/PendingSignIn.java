package org.openler.platform.secondfactor;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.AccountId;
import org.springframework.security.core.Authentication;

/**
 * A sign-in whose password was right and whose second step is still to come. Kept in the (database-backed) session
 * instead of an authentication: until the second step passes, the session is not signed in and holds no authorities.
 * It lasts five minutes and five wrong codes; then the password is asked again (and counted by the sign-in throttle).
 * After a sign-in through an external OpenID provider, {@code external} holds that authentication back until the
 * second step passes (such accounts may have no password, so it cannot be rebuilt from the password store).
 */
record PendingSignIn(
        UUID accountId,
        String email,
        @Nullable String continueTo,
        Instant since,
        int failures,
        @Nullable Authentication external)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = PendingSignIn.class.getName();
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 5;

    AccountId account() {
        return new AccountId(accountId);
    }

    boolean expired(Instant now) {
        return since.plus(LIFETIME).isBefore(now) || failures >= MAX_FAILURES;
    }

    PendingSignIn failedOnce() {
        return new PendingSignIn(accountId, email, continueTo, since, failures + 1, external);
    }

    static @Nullable PendingSignIn in(@Nullable HttpSession session, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return null;
        }
        if (pending.expired(now)) {
            session.removeAttribute(ATTRIBUTE);
            return null;
        }
        return pending;
    }
}
