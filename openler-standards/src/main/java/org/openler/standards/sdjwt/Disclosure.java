package org.openler.standards.sdjwt;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;

/**
 * One disclosure (RFC 9901 §4.2.1): the base64url of the JSON array {@code [salt, name, value]} for an object
 * property, or {@code [salt, value]} for an array element. The encoded text is kept exactly as received, because the
 * digest is taken over it, not over a re-serialisation.
 *
 * @param name the claim name, or null for an array element
 */
public record Disclosure(
        String encoded, String salt, @Nullable String name, JsonValue value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonLimits LIMITS = new JsonLimits(256 * 1024, 32);

    /** A new disclosure of an object property with a fresh 128-bit salt. */
    public static Disclosure of(String name, JsonValue value) {
        String salt = newSalt();
        JsonArray array = Jsons.PROVIDER
                .createArrayBuilder()
                .add(salt)
                .add(name)
                .add(value)
                .build();
        return new Disclosure(Base64URL.encode(StrictJson.write(array)).toString(), salt, name, value);
    }

    /**
     * Decodes a disclosure as received.
     *
     * @throws StandardsException MALFORMED_JSON when it is not a base64url JSON array of two or three members with
     *     string salt and name
     */
    public static Disclosure parse(String encoded) {
        if (encoded.isEmpty() || !encoded.matches("[A-Za-z0-9_-]+")) {
            throw new StandardsException(Code.MALFORMED_JSON, "A disclosure is base64url text");
        }
        JsonArray array = StrictJson.parseArray(new Base64URL(encoded).decode(), LIMITS);
        if (array.size() == 3 && array.get(0) instanceof JsonString salt && array.get(1) instanceof JsonString name) {
            return new Disclosure(encoded, salt.getString(), name.getString(), array.get(2));
        }
        if (array.size() == 2 && array.get(0) instanceof JsonString salt) {
            return new Disclosure(encoded, salt.getString(), null, array.get(1));
        }
        throw new StandardsException(
                Code.MALFORMED_JSON, "A disclosure is [salt, name, value] or [salt, value] with string salt and name");
    }

    public Optional<String> claimName() {
        return Optional.ofNullable(name);
    }

    /** The digest an SD-JWT lists for this disclosure: base64url(SHA-256(ASCII(encoded))). */
    public String digest() {
        return digest(encoded);
    }

    static String digest(String ascii) {
        return Base64URL.encode(sha256(ascii.getBytes(StandardCharsets.US_ASCII)))
                .toString();
    }

    /** A random digest, indistinguishable from a real one (RFC 9901 §4.2.5 decoy digests). */
    static String decoy() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64URL.encode(sha256(random)).toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64URL.encode(salt).toString();
    }
}
