package org.openler.platform.kernel;

import java.io.Serial;

/**
 * Something the request needs cannot be reached right now, and the same request may succeed in a few seconds: a key
 * store (a KMS or HSM behind {@code keys.KeySealer}) or another dependency that is down or restarting. It is answered
 * as {@code 503 service-unavailable} with {@code Retry-After}, like an unreachable database, never as our bug; the
 * transaction it ends rolls back, so a retry with the same idempotency key gives one result. A failure that will not
 * pass by waiting (a wrong master key, a corrupt sealed key) must not use it.
 */
public class TemporarilyUnavailable extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public TemporarilyUnavailable(String message) {
        super(message);
    }

    public TemporarilyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
