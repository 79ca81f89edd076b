package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;

/** The cached active contexts are shared between threads; verdicts must not depend on who else is verifying. */
class ConcurrentVerificationTests {

    @Test
    void concurrentVerificationsSharingCachedContextsReachTheSameVerdicts() throws Exception {
        Verifier verifier = Verifier.builder()
                .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))
                .build();
        JsonObject good = Fixtures.signedBadge();
        JsonObject bad = Json.createObjectBuilder(good).add("name", "Forged").build();
        byte[] goodBytes = RoundTripTests.bytes(good);
        byte[] badBytes = RoundTripTests.bytes(bad);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean tampered = i % 2 == 1;
                verdicts.add(pool.submit(() -> verifier.verifyCredential(tampered ? badBytes : goodBytes)
                        .verified()));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertThat(verdicts.get(i).get()).as("verdict %d", i).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
