package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IdentityObject;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;

/**
 * A stream of distinct credentials — each with its own id, learner, issue date to the second, expiry, achievement,
 * alignments and numbers in its texts, with ids of several schemes and texts that look like compact IRIs — goes
 * through the shape templates and the full JSON-LD path: the canonical N-Quads must be the same bytes for every one,
 * and most must come from a template (the point of the templates is that distinct credentials share a shape).
 */
class DistinctCredentialsCanonicalTests {

    private static final int COUNT = 1200;
    private static final String[] ID_FORMS = {
        "urn:uuid:%s",
        "https://college%d.example/achievements/%s",
        "did:web:college%d.example:a:%s",
        "http://legacy%d.example/%s",
        "urn:example:%d:%s"
    };
    private static final String[] NAME_FORMS = {
        "%s", "Re: %s", "xsd:%s", "https://not-a-link/%s", "%s (id: %d)", "did:%s", "2026-01-01T%s"
    };
    private static final String[] TYPES = {"Course", "Certificate", "Badge", "Competency", "License"};

    @Test
    void aThousandDistinctCredentialsCanonicalizeToTheSameBytesThroughTemplatesAsThroughTheFullPath() {
        List<JsonObject> credentials = generate(COUNT, 42L);
        long replaysBefore = Canonicalizer.shapeReplays();
        int differences = 0;
        for (JsonObject credential : credentials) {
            String fast = Canonicalizer.canonicalize(credential);
            String full = Canonicalizer.canonicalizeFully(credential);
            if (!fast.equals(full)) {
                differences++;
            }
        }
        long replays = Canonicalizer.shapeReplays() - replaysBefore;
        assertThat(differences).isZero();
        assertThat(credentials).hasSize(COUNT);
        assertThat(credentials.stream().distinct().count()).isEqualTo(COUNT);
        // Each shape (with or without expiry, a did or an e-mail learner, 0-2 alignments, an image, the kinds of
        // names and ids...) takes the full path once or twice; the rest is replayed. Before slot classes ignored
        // prefixes no context defines, every hour of issue made a shape of its own and almost nothing was replayed.
        assertThat(replays).as("documents canonicalized from a template").isGreaterThan(COUNT * 6L / 10);
    }

    /** Distinct credentials from one issuer, the same for the same seed. */
    static List<JsonObject> generate(int count, long seed) {
        Random random = new Random(seed);
        Did issuer = DidKey.of(Ed25519.generate().publicKey());
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        List<JsonObject> credentials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String course = "Course " + random.nextInt(10_000) + " level " + random.nextInt(5);
            // Most names and ids are plain, as an issuer's are; the rest look like IRIs, compact IRIs or dates.
            String nameForm = random.nextInt(10) < 7 ? NAME_FORMS[0] : NAME_FORMS[random.nextInt(NAME_FORMS.length)];
            String name = nameForm.contains("%d")
                    ? String.format(nameForm, course, random.nextInt(1000))
                    : String.format(nameForm, course.replace(' ', '-'));
            String idForm = random.nextInt(10) < 7 ? ID_FORMS[1] : ID_FORMS[random.nextInt(ID_FORMS.length)];
            String uuid = UUID.nameUUIDFromBytes(("a" + seed + "/" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            String achievementId = idForm.contains("%d")
                    ? String.format(idForm, random.nextInt(50), uuid)
                    : String.format(idForm, uuid);
            List<Achievement.Alignment> alignments = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                int skill = random.nextInt(100_000);
                alignments.add(new Achievement.Alignment(
                        URI.create("https://skills.example/framework/" + skill),
                        "skill " + skill,
                        Optional.empty(),
                        Optional.of("Framework " + (skill % 7)),
                        Optional.of("S-" + skill)));
            }
            Achievement achievement = new Achievement(
                    URI.create(achievementId),
                    name,
                    "Completed " + course + " with " + random.nextInt(100) + "% over " + random.nextInt(200)
                            + " hours, credit " + random.nextInt(12) + "." + random.nextInt(10),
                    "Passed assessment " + random.nextInt(1_000_000) + ".",
                    Optional.of(TYPES[random.nextInt(TYPES.length)]),
                    random.nextInt(10) == 0
                            ? Optional.of(URI.create("https://img.example/" + random.nextInt(1000) + ".png"))
                            : Optional.empty(),
                    alignments);
            Recipient recipient = random.nextBoolean()
                    ? Recipient.did(DidKey.of(Ed25519.generate().publicKey()))
                    : new Recipient.ByIdentity(
                            IdentityObject.saltedEmail("learner" + i + "@mail.example", "salt" + random.nextLong()));
            var builder = Credentials.openBadge()
                    .id(URI.create("urn:uuid:" + new UUID(random.nextLong(), random.nextLong())))
                    .issuer(new IssuerProfile(
                            issuer,
                            "College " + random.nextInt(100),
                            Optional.of(URI.create("https://college" + random.nextInt(9) + ".example/"))))
                    .recipient(recipient)
                    .achievement(achievement)
                    .validFrom(now.minusSeconds(random.nextInt(3 * 365 * 24 * 3600)));
            if (random.nextInt(3) == 0) {
                builder.validUntil(now.plusSeconds(1 + random.nextInt(5 * 365 * 24 * 3600)));
            }
            credentials.add(builder.build());
        }
        return credentials;
    }
}
