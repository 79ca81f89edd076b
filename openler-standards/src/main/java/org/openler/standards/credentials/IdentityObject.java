package org.openler.standards.credentials;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;

/**
 * An OB 3.0 {@code IdentityObject} for a learner known by e-mail: the address is never in the credential, only
 * {@code sha256$hex(address + salt)} with a random salt, so the credential does not leak it but its holder can prove it.
 */
public record IdentityObject(String identityType, String identityHash, String salt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public IdentityObject {
        if (!identityHash.startsWith("sha256$") || identityHash.length() != 7 + 64) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "identityHash must be sha256$ and 64 hex digits");
        }
    }

    /** A salted hash of an e-mail address (lower-cased and trimmed first, so the learner can reproduce it). */
    public static IdentityObject saltedEmail(String email) {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        return saltedEmail(email, HexFormat.of().formatHex(saltBytes));
    }

    public static IdentityObject saltedEmail(String email, String salt) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!normalized.contains("@")) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "Not an e-mail address");
        }
        return new IdentityObject("emailAddress", "sha256$" + sha256Hex(normalized + salt), salt);
    }

    /** Whether this object identifies the address. */
    public boolean matches(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(
                identityHash.getBytes(StandardCharsets.US_ASCII),
                ("sha256$" + sha256Hex(normalized + salt)).getBytes(StandardCharsets.US_ASCII));
    }

    JsonObject toJson() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", "IdentityObject")
                .add("identityHash", identityHash)
                .add("identityType", identityType)
                .add("hashed", true)
                .add("salt", salt)
                .build();
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
