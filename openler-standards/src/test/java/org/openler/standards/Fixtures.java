package org.openler.standards;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.StrictJson;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusPurpose;

/** Test keys and credentials. The seeds are fixed, public, and for tests only. */
public final class Fixtures {

    public static final Ed25519KeyPair ISSUER_KEY = Ed25519.fromSeed(seed(1));
    public static final Ed25519KeyPair HOLDER_KEY = Ed25519.fromSeed(seed(2));
    public static final Ed25519KeyPair OTHER_KEY = Ed25519.fromSeed(seed(3));
    public static final Did ISSUER_DID = DidKey.of(ISSUER_KEY.publicKey());
    public static final Did HOLDER_DID = DidKey.of(HOLDER_KEY.publicKey());
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Fixtures() {}

    public static byte[] seed(int n) {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) (n * 31 + i);
        }
        return seed;
    }

    public static Achievement achievement() {
        return new Achievement(
                URI.create("https://demo.openler.org/orgs/demo-university/achievements/data-analysis-101"),
                "Data Analysis Fundamentals",
                "Cleans, explores and summarises tabular data.",
                "Passed the final assessment with at least 70%.",
                Optional.of("Course"),
                Optional.empty(),
                List.of(new Achievement.Alignment(URI.create("https://skills.example/analyse-data"), "analyse data")));
    }

    /** An unsigned OB 3.0 credential issued by {@link #ISSUER_DID} to the holder's DID. */
    public static JsonObject unsignedBadge(Did issuer, Optional<StatusEntry> status) {
        var builder = Credentials.openBadge()
                .id(URI.create(
                        "urn:uuid:" + UUID.nameUUIDFromBytes(issuer.value().getBytes())))
                .issuer(new IssuerProfile(issuer, "Demo University", Optional.of(URI.create("https://demo.example/"))))
                .recipient(Recipient.did(HOLDER_DID))
                .achievement(achievement())
                .validFrom(NOW.minusSeconds(3600))
                .validUntil(NOW.plusSeconds(365L * 24 * 3600));
        status.ifPresent(builder::status);
        return builder.build();
    }

    public static JsonObject signedBadge() {
        return sign(
                unsignedBadge(ISSUER_DID, Optional.empty()),
                ISSUER_KEY,
                DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
    }

    public static JsonObject sign(JsonObject unsigned, Ed25519KeyPair key, String verificationMethod) {
        return EddsaRdfc2022.sign(unsigned, key, ProofOptions.assertion(verificationMethod, NOW.minusSeconds(60)));
    }

    public static StatusEntry revocationEntry(int index) {
        return new StatusEntry(URI.create("https://demo.example/orgs/demo/status/1"), StatusPurpose.REVOCATION, index);
    }

    public static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonObject json(String path) {
        return StrictJson.parseObject(resource(path));
    }
}
