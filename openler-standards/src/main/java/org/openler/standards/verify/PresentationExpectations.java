package org.openler.standards.verify;

import java.util.Optional;

/**
 * What the verifier asked of the holder: the challenge it issued and its domain. When a challenge is expected, an
 * unsigned presentation, or one signed with another challenge, fails.
 */
public record PresentationExpectations(Optional<String> challenge, Optional<String> domain) {

    public static final PresentationExpectations NONE =
            new PresentationExpectations(Optional.empty(), Optional.empty());

    public static PresentationExpectations challenge(String challenge, Optional<String> domain) {
        return new PresentationExpectations(Optional.of(challenge), domain);
    }
}
