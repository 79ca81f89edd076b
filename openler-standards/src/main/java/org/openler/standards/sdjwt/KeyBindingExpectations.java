package org.openler.standards.sdjwt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verifier requires of the Key Binding JWT: for a presentation, that it is there and carries the verifier's
 * nonce and audience, issued within {@code maxAge}; for a credential at rest (a wallet checking what it holds), none.
 */
public record KeyBindingExpectations(
        boolean required, Optional<String> nonce, Optional<String> audience, Duration maxAge) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    public KeyBindingExpectations {
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(audience);
        if (required && (nonce.isEmpty() || audience.isEmpty())) {
            throw new IllegalArgumentException("A required Key Binding JWT is checked against a nonce and an audience");
        }
    }

    /** A presentation to this verifier: KB-JWT required, with this nonce and audience. */
    public static KeyBindingExpectations presentation(String nonce, String audience) {
        return new KeyBindingExpectations(true, Optional.of(nonce), Optional.of(audience), DEFAULT_MAX_AGE);
    }

    /** A credential as held: no Key Binding JWT is expected (one present is refused: it binds to someone else). */
    public static KeyBindingExpectations none() {
        return new KeyBindingExpectations(false, Optional.empty(), Optional.empty(), DEFAULT_MAX_AGE);
    }
}
