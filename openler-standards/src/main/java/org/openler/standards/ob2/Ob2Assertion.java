package org.openler.standards.ob2;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * An Open Badges 2.0 Assertion as verified, with what a wallet shows of it: the badge (a BadgeClass) and its issuer
 * (a Profile), each as it was obtained, and how the assertion is verified ({@code hosted} or {@code signed}).
 */
public record Ob2Assertion(
        String id,
        JsonObject assertion,
        JsonObject badge,
        JsonObject issuer,
        String verificationType,
        Instant issuedOn,
        Optional<Instant> expires) {

    public String badgeName() {
        return badge.getString("name", "");
    }

    public String badgeDescription() {
        return badge.getString("description", "");
    }

    public String issuerId() {
        return issuer.getString("id", "");
    }

    public String issuerName() {
        return issuer.getString("name", issuerId());
    }
}
