package org.openler.platform.wallet;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.openler.standards.StandardsException;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.Disclosure;
import org.openler.standards.sdjwt.SdJwt;

/**
 * What the wallet lists about a credential, read from a verified credential's JSON (VC Data Model 2.0 names, and
 * the 1.1 names {@code issuanceDate}/{@code expirationDate} as a fallback). Only ever read from a credential that
 * passed verification, and only for display: the bytes stay the record.
 */
record CredentialFacts(
        String name,
        String issuerName,
        String issuerId,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil) {

    private static final int MAX_TEXT = 500;

    static CredentialFacts of(JsonObject credential) {
        String issuerId = "";
        String issuerName = "";
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString s) {
            issuerId = s.getString();
            issuerName = s.getString();
        } else if (issuer instanceof JsonObject o) {
            issuerId = text(o, "id");
            issuerName = text(o, "name").isEmpty() ? issuerId : text(o, "name");
        }
        String name = text(credential, "name");
        if (name.isEmpty()
                && credential.get("credentialSubject") instanceof JsonObject subject
                && subject.get("achievement") instanceof JsonObject achievement) {
            name = text(achievement, "name");
        }
        if (name.isEmpty()) {
            name = "Credential";
        }
        Instant from = instant(credential, "validFrom");
        Instant until = instant(credential, "validUntil");
        return new CredentialFacts(
                clip(name),
                clip(issuerName),
                issuerId.length() > 2000 ? issuerId.substring(0, 2000) : issuerId,
                from != null ? from : instant(credential, "issuanceDate"),
                until != null ? until : instant(credential, "expirationDate"));
    }

    /**
     * The facts of a compact VC-JWT, from its {@code vc} claim. Only for a JWT that verified (or was signed here):
     * the payload is read, not checked.
     */
    static CredentialFacts ofJwt(String compact) {
        String[] parts = compact.strip().split("\\.");
        if (parts.length != 3) {
            throw new StandardsException(StandardsException.Code.MALFORMED_JSON, "Not a compact JWS");
        }
        JsonObject claims = StrictJson.parseObject(new Base64URL(parts[1]).decode(), JsonLimits.DEFAULT);
        if (!(claims.get("vc") instanceof JsonObject credential)) {
            throw new StandardsException(StandardsException.Code.MALFORMED_JSON, "The JWT has no 'vc' claim");
        }
        return of(credential);
    }

    /**
     * The facts of an SD-JWT VC as held (every disclosure present): the achievement's name, the issuer's name and DID,
     * {@code nbf}/{@code exp}. Only for one that verified or was signed here.
     */
    static CredentialFacts ofSdJwt(String text) {
        SdJwt sdJwt = SdJwt.parse(text);
        JsonObject claims =
                StrictJson.parseObject(new Base64URL(sdJwt.issuerJwt().split("\\.")[1]).decode(), JsonLimits.DEFAULT);
        String name = "";
        for (Disclosure disclosure : sdJwt.disclosures()) {
            if (disclosure.claimName().orElse("").equals("achievement_name")
                    && disclosure.value() instanceof JsonString s) {
                name = s.getString().strip();
            }
        }
        String issuerId = text(claims, "iss");
        String issuerName = text(claims, "issuer_name").isEmpty() ? issuerId : text(claims, "issuer_name");
        return new CredentialFacts(
                clip(name.isEmpty() ? text(claims, "vct") : name),
                clip(issuerName),
                issuerId.length() > 2000 ? issuerId.substring(0, 2000) : issuerId,
                epoch(claims, "nbf"),
                epoch(claims, "exp"));
    }

    private static @Nullable Instant epoch(JsonObject claims, String field) {
        return claims.get(field) instanceof JsonNumber n ? Instant.ofEpochSecond(n.longValue()) : null;
    }

    private static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString().strip() : "";
    }

    private static @Nullable Instant instant(JsonObject object, String field) {
        String value = text(object, field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null; // the verifier already judged the dates; an unreadable one is simply not listed
        }
    }

    static String clip(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
