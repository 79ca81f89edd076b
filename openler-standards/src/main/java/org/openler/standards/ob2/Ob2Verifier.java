package org.openler.standards.ob2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.ProblemType;
import org.openler.standards.verify.VerificationReport;

/**
 * Verifies an Open Badges 2.0 Assertion as a wallet takes one in (Open Badges 2.0, §Verification): its shape, its
 * BadgeClass and Issuer, how it is verified — a <em>hosted</em> assertion must sit where its issuer's verification
 * policy allows ({@code startsWith}, {@code allowedOrigins}, else the issuer's own host) and, when asked, is fetched
 * again from its id and must be the same document there; a <em>signed</em> one is an RS256 JWS checked with the
 * issuer's {@code CryptographicKey} (which the issuer must own) — then revocation ({@code revoked}, the issuer's
 * {@code RevocationList}) and the dates. Checks are reported in the verifier's vocabulary ({@link Check}).
 */
public final class Ob2Verifier {

    public static final String CONTEXT = "https://w3id.org/openbadges/v2";

    private static final Pattern COMPACT_JWS = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private Ob2Verifier() {}

    /** Whether a hosted assertion is fetched again from its id (a wallet does) or judged from the copy given. */
    public enum Hosted {
        REFETCH,
        AS_GIVEN
    }

    /** The checks, and the assertion with its badge and issuer when it could be read that far. */
    public record Result(VerificationReport report, Optional<Ob2Assertion> assertion) {}

    /** Whether this JSON says it is Open Badges 2.0 (its {@code @context}). */
    public static boolean isOb2(JsonObject json) {
        return contexts(json).contains(CONTEXT);
    }

    /** Whether this compact JWS carries an Open Badges 2.0 assertion (a signed badge) rather than a VC-JWT. */
    public static boolean isSignedOb2(String compact) {
        if (!COMPACT_JWS.matcher(compact.strip()).matches()) {
            return false;
        }
        try {
            return isOb2(StrictJson.parseObject(
                    JWSObject.parse(compact.strip()).getPayload().toBytes()));
        } catch (ParseException | StandardsException e) {
            return false;
        }
    }

    public static Result verify(String input, Fetcher fetcher, Clock clock, Hosted hosted) {
        List<CheckResult> results = new ArrayList<>();
        String text = input.strip();
        JWSObject jws = null;
        JsonObject assertion;
        try {
            if (COMPACT_JWS.matcher(text).matches()) {
                jws = JWSObject.parse(text);
                assertion = StrictJson.parseObject(jws.getPayload().toBytes());
            } else {
                assertion = StrictJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (ParseException | StandardsException e) {
            results.add(failed(Check.PARSING, "Not an Open Badges 2.0 assertion: " + e.getMessage()));
            return new Result(new VerificationReport(results), Optional.empty());
        }
        results.add(new CheckResult.Passed(
                Check.PARSING, jws == null ? "An assertion in JSON" : "An assertion signed as a JWS"));
        if (!isOb2(assertion)) {
            results.add(failed(Check.CONTEXTS, "The @context must be " + CONTEXT));
            return new Result(new VerificationReport(results), Optional.empty());
        }
        results.add(new CheckResult.Passed(Check.CONTEXTS, "Open Badges 2.0"));
        Optional<String> id = string(assertion, "id");
        Optional<Instant> issuedOn = instant(assertion, "issuedOn");
        JsonValue badgeValue = assertion.get("badge");
        JsonObject verification =
                assertion.get("verification") instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
        List<String> problems = new ArrayList<>();
        if (!types(assertion).contains("Assertion")) {
            problems.add("its type must be Assertion");
        }
        if (id.isEmpty()) {
            problems.add("it has no id");
        }
        if (!(assertion.get("recipient") instanceof JsonObject recipient)
                || string(recipient, "identity").isEmpty()
                || string(recipient, "type").isEmpty()) {
            problems.add("it names no recipient (type and identity)");
        }
        if (issuedOn.isEmpty()) {
            problems.add("issuedOn is missing or not a date and time");
        }
        if (!(badgeValue instanceof JsonString) && !(badgeValue instanceof JsonObject)) {
            problems.add("it names no badge");
        }
        if (string(verification, "type").isEmpty()) {
            problems.add("it says not how it is verified (verification.type)");
        }
        if (string(assertion, "image").filter(i -> i.startsWith("data:")).isPresent()) {
            problems.add("its image must be a URL, not embedded data");
        }
        if (!problems.isEmpty()) {
            results.add(failed(Check.STRUCTURE, "The assertion is not valid: " + String.join("; ", problems)));
            return new Result(new VerificationReport(results), Optional.empty());
        }
        results.add(new CheckResult.Passed(Check.STRUCTURE, "An Open Badges 2.0 Assertion"));

        JsonObject badge;
        JsonObject issuer;
        try {
            badge = badgeValue instanceof JsonObject embedded ? embedded : fetch(fetcher, badgeValue, "BadgeClass");
            if (!types(badge).contains("BadgeClass")) {
                throw new StandardsException(
                        StandardsException.Code.INVALID_CREDENTIAL, "The badge is not a BadgeClass");
            }
            JsonValue issuerValue = badge.get("issuer");
            issuer = issuerValue instanceof JsonObject embedded ? embedded : fetch(fetcher, issuerValue, "issuer");
            if (!types(issuer).contains("Issuer") && !types(issuer).contains("Profile")) {
                throw new StandardsException(
                        StandardsException.Code.INVALID_CREDENTIAL, "The badge's issuer is not an Issuer profile");
            }
        } catch (StandardsException e) {
            results.add(failed(Check.ISSUER, e.getMessage()));
            return new Result(new VerificationReport(results), Optional.empty());
        }
        String issuerId = string(issuer, "id").orElse("");
        results.add(new CheckResult.Passed(
                Check.ISSUER, "Issued by " + string(issuer, "name").orElse(issuerId) + " (" + issuerId + ")"));

        String type = string(verification, "type").orElseThrow().toLowerCase(Locale.ROOT);
        boolean signed = type.equals("signed") || type.equals("signedbadge");
        boolean hostedType = type.equals("hosted") || type.equals("hostedbadge");
        if (!signed && !hostedType) {
            results.add(failed(Check.PROOF, "Unknown verification type " + type));
        } else if (signed != (jws != null)) {
            results.add(failed(
                    Check.PROOF,
                    signed
                            ? "The assertion says it is signed, but it came without its signature"
                            : "The assertion says it is hosted, but it came as a JWS"));
        } else if (signed) {
            results.add(signature(jws, verification, issuer, fetcher));
        } else {
            results.add(hostedPolicy(id.get(), issuer));
            if (hosted == Hosted.REFETCH) {
                results.add(refetched(id.get(), assertion, fetcher));
            }
        }

        results.add(revocation(assertion, issuer, id.get(), fetcher));
        Optional<Instant> expires = instant(assertion, "expires");
        results.add(validity(issuedOn.get(), expires, clock.instant()));
        Ob2Assertion read = new Ob2Assertion(
                id.get(), assertion, badge, issuer, signed ? "signed" : "hosted", issuedOn.get(), expires);
        return new Result(new VerificationReport(results), Optional.of(read));
    }

    private static CheckResult signature(JWSObject jws, JsonObject verification, JsonObject issuer, Fetcher fetcher) {
        if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
            return failed(
                    Check.PROOF,
                    "A signed Open Badges 2.0 assertion uses RS256, not "
                            + jws.getHeader().getAlgorithm());
        }
        JsonValue creator = verification.get("creator") != null ? verification.get("creator") : issuer.get("publicKey");
        try {
            JsonObject key = fetch(fetcher, creator, "signing key");
            String owner = string(key, "owner").orElse("");
            if (!owner.equals(string(issuer, "id").orElse(""))) {
                return failed(Check.PROOF, "The signing key belongs to " + owner + ", not to the badge's issuer");
            }
            RSAPublicKey rsa = rsaPublicKey(string(key, "publicKeyPem")
                    .orElseThrow(() -> new StandardsException(
                            StandardsException.Code.INVALID_KEY, "The key has no publicKeyPem")));
            return jws.verify(new RSASSAVerifier(rsa))
                    ? new CheckResult.Passed(
                            Check.PROOF, "The issuer's RS256 signature verifies with " + key.getString("id", ""))
                    : failed(Check.PROOF, "The signature does not verify with the issuer's key");
        } catch (StandardsException | JOSEException e) {
            return failed(Check.PROOF, "The signature could not be checked: " + e.getMessage());
        }
    }

    /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) holding an RSA key. */
    private static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_KEY, "The issuer's key is not an RSA public key");
        }
    }

    /** Open Badges 2.0 §Hosted verification: where the issuer's badges may be hosted. */
    private static CheckResult hostedPolicy(String id, JsonObject issuer) {
        JsonObject policy = issuer.get("verification") instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
        List<String> startsWith = strings(policy.get("startsWith"));
        List<String> allowedOrigins = strings(policy.get("allowedOrigins"));
        String host = host(id);
        boolean allowed;
        String rule;
        if (!startsWith.isEmpty()) {
            allowed = startsWith.stream().anyMatch(id::startsWith);
            rule = "it must start with " + String.join(" or ", startsWith);
        } else if (!allowedOrigins.isEmpty()) {
            allowed = allowedOrigins.contains(host);
            rule = "its host must be " + String.join(" or ", allowedOrigins);
        } else {
            String issuerHost = host(string(issuer, "id").orElse(""));
            if (issuerHost.isEmpty()) {
                // An issuer id that is not a URL (urn:uuid:…) names no host to compare with: a warning, as 1EdTech's.
                return new CheckResult.Warning(
                        Check.PROOF, "The issuer's id names no host, so where its badges are hosted is not checked");
            }
            allowed = host.equals(issuerHost);
            rule = "it must be on the issuer's own host, " + issuerHost;
        }
        return allowed
                ? new CheckResult.Passed(Check.PROOF, "Hosted where its issuer allows (" + rule + ")")
                : failed(Check.PROOF, "The assertion's id " + id + " is not where its issuer hosts badges: " + rule);
    }

    private static CheckResult refetched(String id, JsonObject given, Fetcher fetcher) {
        JsonObject hosted;
        try {
            hosted = StrictJson.parseObject(fetcher.fetch(URI.create(id)));
        } catch (StandardsException | IllegalArgumentException e) {
            return new CheckResult.Failed(
                    Check.STATUS,
                    "The assertion is no longer at its id (its issuer withdrew it, or the host cannot be reached): "
                            + e.getMessage(),
                    ProblemType.STATUS_RETRIEVAL_ERROR);
        }
        return hosted.equals(given)
                ? new CheckResult.Passed(Check.PROOF, "The same assertion is hosted at its id")
                : failed(Check.PROOF, "The assertion hosted at its id differs from this one");
    }

    private static CheckResult revocation(JsonObject assertion, JsonObject issuer, String id, Fetcher fetcher) {
        if (assertion.get("revoked") == JsonValue.TRUE) {
            return new CheckResult.Failed(
                    Check.STATUS,
                    "The issuer has revoked this assertion"
                            + string(assertion, "revocationReason")
                                    .map(r -> ": " + r)
                                    .orElse(""),
                    ProblemType.CREDENTIAL_REVOKED);
        }
        JsonValue listValue = issuer.get("revocationList");
        if (listValue == null) {
            return new CheckResult.Passed(Check.STATUS, "Not revoked (the issuer publishes no revocation list)");
        }
        try {
            JsonObject list = fetch(fetcher, listValue, "revocation list");
            JsonValue revoked = list.get("revokedAssertions");
            for (JsonValue entry : revoked instanceof JsonArray array ? array : List.<JsonValue>of()) {
                String entryId = entry instanceof JsonString s
                        ? s.getString()
                        : entry instanceof JsonObject o ? string(o, "id").orElse("") : "";
                if (entryId.equals(id)) {
                    String reason = entry instanceof JsonObject o
                            ? string(o, "revocationReason").map(r -> ": " + r).orElse("")
                            : "";
                    return new CheckResult.Failed(
                            Check.STATUS,
                            "The issuer has revoked this assertion" + reason,
                            ProblemType.CREDENTIAL_REVOKED);
                }
            }
            return new CheckResult.Passed(Check.STATUS, "Not in the issuer's revocation list");
        } catch (StandardsException e) {
            return new CheckResult.Failed(
                    Check.STATUS,
                    "The issuer's revocation list could not be read: " + e.getMessage(),
                    ProblemType.STATUS_RETRIEVAL_ERROR);
        }
    }

    private static CheckResult validity(Instant issuedOn, Optional<Instant> expires, Instant now) {
        if (issuedOn.isAfter(now.plus(CLOCK_SKEW))) {
            return new CheckResult.Failed(
                    Check.VALIDITY_PERIOD, "Issued in the future (" + issuedOn + ")", ProblemType.RANGE_ERROR);
        }
        if (expires.isPresent() && expires.get().isBefore(issuedOn)) {
            return new CheckResult.Failed(
                    Check.VALIDITY_PERIOD, "It expires before it was issued", ProblemType.RANGE_ERROR);
        }
        if (expires.isPresent() && expires.get().isBefore(now)) {
            return new CheckResult.Failed(
                    Check.VALIDITY_PERIOD, "It expired on " + expires.get(), ProblemType.RANGE_ERROR);
        }
        return new CheckResult.Passed(
                Check.VALIDITY_PERIOD,
                expires.map(e -> "Valid until " + e).orElse("Issued " + issuedOn + "; it does not expire"));
    }

    private static JsonObject fetch(Fetcher fetcher, JsonValue reference, String what) {
        if (!(reference instanceof JsonString url)) {
            throw new StandardsException(StandardsException.Code.INVALID_CREDENTIAL, "No " + what + " is named");
        }
        URI uri;
        try {
            uri = URI.create(url.getString());
        } catch (IllegalArgumentException e) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_CREDENTIAL, "The " + what + "'s URL is not valid");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_CREDENTIAL, "The " + what + " is not at an http(s) URL");
        }
        try {
            return StrictJson.parseObject(fetcher.fetch(uri));
        } catch (StandardsException e) {
            throw new StandardsException(
                    e.code(), "The " + what + " at " + uri + " could not be read: " + e.getMessage());
        }
    }

    private static CheckResult.Failed failed(Check check, String message) {
        ProblemType type = switch (check) {
            case PARSING -> ProblemType.PARSING_ERROR;
            case PROOF -> ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR;
            case VALIDITY_PERIOD -> ProblemType.RANGE_ERROR;
            default -> ProblemType.MALFORMED_VALUE_ERROR;
        };
        return new CheckResult.Failed(check, message, type);
    }

    private static List<String> contexts(JsonObject json) {
        return strings(json.get("@context"));
    }

    private static List<String> types(JsonObject json) {
        return strings(json.get("type"));
    }

    private static List<String> strings(@org.jspecify.annotations.Nullable JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream()
                    .filter(v -> v instanceof JsonString)
                    .map(v -> ((JsonString) v).getString())
                    .toList();
        }
        return List.of();
    }

    private static Optional<String> string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonObject json, String key) {
        try {
            return string(json, key).map(v -> OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
