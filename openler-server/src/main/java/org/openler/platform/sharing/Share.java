package org.openler.platform.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A learner's share as the learner sees it: to whom, why, until when, what it covers, and where it stands now.
 * {@code revokedAt} is set once the learner revoked it (or the share came back from a bundle, already ended).
 */
public record Share(
        UUID id,
        String party,
        String purpose,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        List<Item> items,
        Status status,
        @Nullable Target target) {

    public Share {
        items = List.copyOf(items);
    }

    public Share(
            UUID id,
            String party,
            String purpose,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            List<Item> items,
            Status status) {
        this(id, party, purpose, createdAt, expiresAt, revokedAt, items, status, null);
    }

    /**
     * What the learner aimed the share at: {@code job} (its id) or {@code occupation} (its code), with its title as it
     * was when the share was made. The reader sees the shared credentials' fit to it.
     */
    public record Target(String kind, String ref, String title) {

        /** {@code job:<id>} or {@code occupation:<code>}: how forms and the API name a target. */
        public String key() {
            return kind + ":" + ref;
        }
    }

    /**
     * The last day the link opens, as the learner chose it. A share chosen "until 1 March" ends at the start of 2
     * March (UTC); showing {@code expiresAt}'s own date said 2 March, a day later than chosen.
     */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(expiresAt.minusNanos(1), ZoneOffset.UTC);
    }

    /** Where a share stands. Only an active share's link opens. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    /**
     * One shared credential: the wallet's id (empty once the credential left the wallet), its name as it was when
     * shared, and, for formats with selective disclosure, the claims disclosed (empty: the whole credential).
     */
    public record Item(@Nullable UUID credentialId, String credentialName, List<String> disclosedClaims) {
        public Item {
            disclosedClaims = List.copyOf(disclosedClaims);
        }
    }

    static Status status(Instant expiresAt, @Nullable Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
    }
}
