package org.openler.platform.privacy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A consent the person gave (or withdrew): to whom, for what purpose, what it covered and until when.
 * {@code withdrawnAt} is set once the person revoked it.
 */
public record Consent(
        Instant givenAt,
        String party,
        String purpose,
        String scope,
        @Nullable Instant until,
        @Nullable Instant withdrawnAt) {}
