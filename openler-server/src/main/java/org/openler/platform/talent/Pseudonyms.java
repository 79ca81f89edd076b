package org.openler.platform.talent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.keys.KeySealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A candidate's name for one employer: {@code HMAC-SHA256(k_employer, account id)}, where {@code k_employer =
 * HMAC-SHA256(platform secret, "openler talent pseudonym key" ‖ employer id)}. The platform secret is 32 random bytes
 * kept sealed under the master key, so only the platform can compute a pseudonym: stable for one employer, and two
 * employers comparing their lists find no common name (each one's key is independent to anyone without the secret).
 * The pseudonym is never inverted; an employer can only name a candidate it was shown (see talent_appearance).
 */
@Component
class Pseudonyms {

    private static final String CONTEXT = "talent-pseudonym-secret";
    private static final String HMAC = "HmacSHA256";

    private final JdbcClient jdbc;
    private final KeySealer sealer;
    private volatile byte @org.jspecify.annotations.Nullable [] secret;

    Pseudonyms(JdbcClient jdbc, KeySealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /** {@code c-} and 20 hex digits (80 bits): no collision among millions of candidates of one employer. */
    String of(OrganizationId employer, AccountId learner) {
        byte[] key =
                hmac(secret(), ("openler talent pseudonym key" + employer.value()).getBytes(StandardCharsets.UTF_8));
        byte[] mac = hmac(key, learner.value().toString().getBytes(StandardCharsets.UTF_8));
        return "c-" + HexFormat.of().formatHex(mac, 0, 10);
    }

    /**
     * The pseudonyms for one employer, its key derived once: a search names every candidate it ranks (thousands when
     * many tie), so the per-employer key is not derived again for each. One search's: the function holds one MAC
     * instance and is not for several threads at once.
     */
    Function<AccountId, String> forEmployer(OrganizationId employer) {
        byte[] key =
                hmac(secret(), ("openler talent pseudonym key" + employer.value()).getBytes(StandardCharsets.UTF_8));
        Mac mac = mac(key);
        return learner -> "c-"
                + HexFormat.of()
                        .formatHex(mac.doFinal(learner.value().toString().getBytes(StandardCharsets.UTF_8)), 0, 10);
    }

    /**
     * The key of the talent index's {@link org.openler.platform.talent.index.Subjects subjects}: {@code
     * HMAC-SHA256(platform secret, "openler talent index subject key")}, independent of every employer's pseudonym
     * key, and the same on every server and after every restart (the secret is in the database).
     */
    byte[] subjectKey() {
        return hmac(secret(), "openler talent index subject key".getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // the first server to get here stores its secret; every other one reads that
        jdbc.sql("insert into talent_secret (id, sealed) values (1, ?) on conflict do nothing")
                .param(sealer.seal(fresh, CONTEXT))
                .update();
        byte[] sealed = jdbc.sql("select sealed from talent_secret where id = 1")
                .query(byte[].class)
                .single();
        known = sealer.unseal(sealed, CONTEXT);
        secret = known;
        return known;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
