package org.openler.platform.articulation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.platform.articulation.ArticulationRule.Conditions;
import org.openler.platform.articulation.ArticulationRule.Source;
import org.openler.platform.wallet.HeldCredential;
import org.openler.standards.json.StrictJson;

/**
 * Whether a held credential is what a rule gives credit for, and whether it meets the rule's conditions. A registry
 * source matches a credential whose achievement names its CTID (an alignment to the registry entry); an achievement of
 * a named issuer matches by the achievement's name and the issuer's name, as the credential states them.
 */
final class SourceMatch {

    private SourceMatch() {}

    static boolean matches(Source source, HeldCredential held, String document) {
        if (source.ctid().isPresent() && document.contains(source.ctid().get())) {
            return true;
        }
        return held.name().strip().equalsIgnoreCase(source.name().strip())
                && held.issuerName().strip().equalsIgnoreCase(source.issuer().strip());
    }

    /** The date conditions the credential does not meet, said plainly; empty when it meets them. */
    static Optional<String> unmetDates(Conditions conditions, HeldCredential held, LocalDate today) {
        Optional<LocalDate> issued =
                Optional.ofNullable(held.validFrom()).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
        if (conditions.issuedAfter().isPresent()) {
            if (issued.isEmpty()
                    || issued.get().isBefore(conditions.issuedAfter().get())) {
                return Optional.of("The rule gives credit only for credentials issued on or after "
                        + conditions.issuedAfter().get() + ".");
            }
        }
        if (conditions.maxAgeYears().isPresent()) {
            int years = conditions.maxAgeYears().get();
            if (issued.isEmpty() || issued.get().isBefore(today.minusYears(years))) {
                return Optional.of("The rule gives credit only for credentials not older than " + years + " years.");
            }
        }
        return Optional.empty();
    }

    /** Whether the credential states a numeric result of at least {@code minimum}. */
    static boolean meetsMinimum(String document, BigDecimal minimum) {
        JsonObject credential = parse(document);
        if (credential == null || !(credential.get("credentialSubject") instanceof JsonObject subject)) {
            return false;
        }
        for (JsonValue r : array(subject.get("result"))) {
            if (r instanceof JsonObject result) {
                Optional<BigDecimal> value = number(result.get("value"));
                if (value.isPresent() && value.get().compareTo(minimum) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The credential's own id, when it is a URI (evidence names it). */
    static Optional<URI> credentialId(String document) {
        JsonObject credential = parse(document);
        if (credential != null && credential.get("id") instanceof JsonString id) {
            try {
                return Optional.of(URI.create(id.getString()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return Optional.of(n.bigDecimalValue());
        }
        if (value instanceof JsonString s) {
            try {
                return Optional.of(new BigDecimal(s.getString().strip().replace("%", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static @Nullable JsonObject parse(String document) {
        try {
            return StrictJson.parseObject(document.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static List<JsonValue> array(@Nullable JsonValue value) {
        if (value instanceof JsonArray a) {
            return a;
        }
        return value == null ? List.of() : List.of(value);
    }
}
