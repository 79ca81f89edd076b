package org.openler.platform.obapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Strong entity tags (RFC 9110 §8.8.3) for the API's answers, and the {@code If-None-Match} comparison that turns a
 * repeated read into a {@code 304 Not Modified}. The tag is a digest of what the answer says, so it changes exactly
 * when the answer does, across restarts and instances, with nothing stored.
 */
final class EntityTags {

    private EntityTags() {}

    /** A quoted tag over the given parts (each delimited, so moving text between parts changes it). */
    static String of(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            byte[] hash = digest.digest();
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(hash)
                            .substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Whether {@code If-None-Match} names this tag: {@code *}, or a comma-separated list in which it appears, compared
     * weakly as RFC 9110 §13.1.2 asks for this header ({@code W/"x"} matches {@code "x"}).
     */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
