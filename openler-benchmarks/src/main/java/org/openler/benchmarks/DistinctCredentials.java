package org.openler.benchmarks;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IdentityObject;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.did.DidKey;

/**
 * A reproducible stream of distinct OB 3.0 credentials from one issuer: every credential has its own id, learner
 * (a did:key or a salted e-mail hash), issue date and time to the second, optional expiry, achievement (id, name,
 * description, criteria, type, 0–2 alignments with their own URLs, names and codes) and numbers in its texts.
 */
final class DistinctCredentials {

    private static final String[] FIRST = {
        "Ada",
        "Grace",
        "Alan",
        "Edsger",
        "Barbara",
        "Donald",
        "Frances",
        "Ken",
        "Margaret",
        "Tim",
        "Radia",
        "John",
        "Sophie",
        "Hedy",
        "Niklaus",
        "Karen"
    };
    private static final String[] FIELDS = {
        "Data Analysis",
        "Welding",
        "Nursing Practice",
        "Bookkeeping",
        "Spanish B2",
        "Structural Design",
        "Food Safety",
        "Python Programming",
        "First Aid",
        "Carpentry"
    };
    private static final String[] LEVELS = {"Fundamentals", "Intermediate", "Advanced", "Capstone", "Lab"};
    private static final String[] TYPES = {"Course", "Certificate", "Badge", "Competency", "License"};

    private DistinctCredentials() {}

    /** {@code count} unsigned credentials, the same for the same seed. */
    static List<JsonObject> generate(IssuerProfile issuer, int count, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<JsonObject> credentials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String learner = FIRST[random.nextInt(FIRST.length)] + " " + (char) ('A' + random.nextInt(26)) + ". #" + i;
            String field = FIELDS[random.nextInt(FIELDS.length)];
            String level = LEVELS[random.nextInt(LEVELS.length)];
            int code = 100 + random.nextInt(900);
            String course = field + " " + level + " " + code;
            List<Achievement.Alignment> alignments = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                int skill = random.nextInt(100_000);
                alignments.add(new Achievement.Alignment(
                        URI.create("https://skills.example/framework/" + skill),
                        "skill " + skill + " of " + field,
                        Optional.empty(),
                        Optional.of("Framework " + (skill % 7)),
                        Optional.of("S-" + skill)));
            }
            Achievement achievement = new Achievement(
                    URI.create("https://college" + random.nextInt(50) + ".example/achievements/"
                            + UUID.nameUUIDFromBytes(
                                    ("a" + seed + "/" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    course,
                    "Completed " + course + " with " + (60 + random.nextInt(40)) + "% over " + (10 + random.nextInt(90))
                            + " hours (cohort " + (2020 + random.nextInt(7)) + ", credit " + random.nextInt(12)
                            + "." + random.nextInt(10) + ").",
                    "Passed assessment " + random.nextInt(1_000_000) + " with at least " + (50 + random.nextInt(50))
                            + "%.",
                    Optional.of(TYPES[random.nextInt(TYPES.length)]),
                    Optional.empty(),
                    alignments);
            Recipient recipient = random.nextBoolean()
                    ? Recipient.did(DidKey.of(Ed25519.generate().publicKey()))
                    : new Recipient.ByIdentity(IdentityObject.saltedEmail(
                            "learner" + i + "@mail" + random.nextInt(100) + ".example", "salt" + random.nextLong()));
            Instant validFrom = now.minusSeconds(60 + random.nextInt(2 * 365 * 24 * 3600));
            var builder = Credentials.openBadge()
                    .id(URI.create("urn:uuid:" + new UUID(random.nextLong(), random.nextLong())))
                    .name(course + " — " + learner)
                    .issuer(issuer)
                    .recipient(recipient)
                    .achievement(achievement)
                    .validFrom(validFrom);
            if (random.nextInt(3) == 0) {
                builder.validUntil(now.plusSeconds(86_400 + random.nextInt(5 * 365 * 24 * 3600)));
            }
            credentials.add(builder.build());
        }
        return credentials;
    }
}
