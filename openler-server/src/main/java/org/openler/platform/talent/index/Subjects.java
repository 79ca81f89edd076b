package org.openler.platform.talent.index;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openler.platform.kernel.AccountId;

/**
 * The name of a learner's document in an index and in the talent outbox: a one-way hash of the account id, never the
 * id itself. A removal row outlives an erased account until every index has applied it, and an OpenSearch index keeps
 * a tombstone for a removed document; both carry only this name, so neither names the person once the account is
 * gone. The server's is keyed ({@link #keyed}: HMAC-SHA256 under a key derived from the platform's sealed talent
 * secret), so nobody without that secret can even check a guessed account id against it.
 */
@FunctionalInterface
public interface Subjects {

    /** The document's name for this learner: lower-case hex, the same every time and on every server. */
    String of(AccountId learner);

    /**
     * HMAC-SHA256 of the account id under the key the supplier answers (asked once, on first use: the server's key
     * lives in the database). 128 bits: no collision among any number of learners a state holds.
     */
    static Subjects keyed(Supplier<byte[]> key) {
        return new Subjects() {
            private volatile SecretKeySpec spec;

            @Override
            public String of(AccountId learner) {
                SecretKeySpec known = spec;
                if (known == null) {
                    known = new SecretKeySpec(key.get(), "HmacSHA256");
                    spec = known;
                }
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(known);
                    byte[] out = mac.doFinal(learner.value().toString().getBytes(StandardCharsets.UTF_8));
                    return HexFormat.of().formatHex(out, 0, 16);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
                }
            }
        };
    }

    /**
     * SHA-256 of the account id, without a key: for tests and the benchmark, where there is no platform secret. Still
     * one-way (an account id is 122 random bits), but anyone holding an id could confirm it; the server never uses it.
     */
    static Subjects unkeyed() {
        return learner -> {
            try {
                byte[] out = MessageDigest.getInstance("SHA-256")
                        .digest(learner.value().toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(out, 0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is unavailable", e);
            }
        };
    }
}
