package org.openler.benchmarks;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.Verifier;

/**
 * Sign and verify of a typical OB 3.0 credential (the interop harness's sample shape: Profile issuer, AchievementSubject
 * with an Achievement, criteria and one alignment; did:key; eddsa-rdfc-2022), single-threaded, in operations per
 * second. Verify starts from the received bytes: strict parsing, structure, contexts, proof, issuer, status, validity.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CredentialBenchmarks {

    private Ed25519KeyPair key;
    private String verificationMethod;
    private JsonObject unsigned;
    private byte[] signed;
    private Verifier verifier;

    @Setup
    public void setUp() {
        key = Ed25519.generate();
        Did issuer = DidKey.of(key.publicKey());
        verificationMethod = DidKey.verificationMethodId(key.publicKey());
        unsigned = SampleCredential.unsigned(issuer);
        signed = StrictJson.write(sign()).getBytes(StandardCharsets.UTF_8);
        verifier = Verifier.builder().build();
        if (!verifier.verifyCredential(signed).verified()) {
            throw new IllegalStateException("The benchmark credential does not verify");
        }
    }

    /** Writes the benchmark's signed credential to a file, so another verifier can be measured on the same bytes. */
    public static void main(String[] args) throws java.io.IOException {
        CredentialBenchmarks benchmark = new CredentialBenchmarks();
        benchmark.setUp();
        java.nio.file.Path out = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        java.nio.file.Files.write(out, benchmark.signed);
    }

    @Benchmark
    public JsonObject sign() {
        return EddsaRdfc2022.sign(unsigned, key, ProofOptions.assertion(verificationMethod, Instant.now()));
    }

    @Benchmark
    public boolean verify() {
        return verifier.verifyCredential(signed).verified();
    }
}
