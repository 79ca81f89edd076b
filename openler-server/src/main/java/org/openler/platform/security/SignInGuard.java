package org.openler.platform.security;

import java.time.Duration;

/**
 * Limits password and client-secret guessing. The security chains ask it before a password or a client secret is
 * checked and tell it the outcome after; the lockout feature implements it (security depends only on this interface,
 * as with {@link OrganizationDirectory}). Names are counted whether or not an account or client has them, so the
 * answers never tell who exists.
 */
public interface SignInGuard {

    /** What is being guessed: a person's password (by e-mail address) or a machine client's secret (by client id). */
    enum Channel {
        PASSWORD,
        CLIENT_SECRET
    }

    /** One attempt: the name tried and the source address it came from. */
    record Attempt(Channel channel, String name, String address) {
        public Attempt {
            name = name.strip();
            if (name.length() > 320) {
                name = name.substring(0, 320);
            }
        }
    }

    /** Whether the attempt may be checked at all. */
    sealed interface Decision permits Go, Wait {}

    /** Check the password or secret; the attempt already counts as a failure until {@link #settle} says otherwise. */
    record Go() implements Decision {}

    /** Refused without checking anything: try again after this long (or after an admin unlocks, if locked). */
    record Wait(Duration retryAfter, boolean locked) implements Decision {}

    Decision begin(Attempt attempt);

    void settle(Attempt attempt, boolean succeeded);
}
