package org.openler.benchmarks;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;

/**
 * The typical OB 3.0 credential the signing benchmarks measure (the interop harness's sample shape: Profile issuer,
 * AchievementSubject with an Achievement, criteria and one alignment), unsigned, for a given issuer.
 */
final class SampleCredential {

    private SampleCredential() {}

    static JsonObject unsigned(Did issuer) {
        return Credentials.openBadge()
                .id(URI.create("urn:uuid:d9f0968c-dfcd-4477-a031-cac4fbf33afd"))
                .issuer(new IssuerProfile(
                        issuer, "Example Community College", Optional.of(URI.create("https://college.example/"))))
                .recipient(Recipient.did(DidKey.of(Ed25519.generate().publicKey())))
                .achievement(new Achievement(
                        URI.create("https://college.example/achievements/data-analysis-101"),
                        "Data Analysis Fundamentals",
                        "Cleans, explores and summarises tabular data; builds and explains simple regression models.",
                        "Passed the final assessment with at least 70% and submitted a reviewed data-analysis project.",
                        Optional.of("Course"),
                        Optional.empty(),
                        List.of(new Achievement.Alignment(
                                URI.create("https://skills.example/framework/analyse-data"), "analyse data"))))
                .validFrom(Instant.now().minusSeconds(60))
                .build();
    }
}
