package org.openler.benchmarks;

import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.Verifier;

/**
 * Issue (eddsa-rdfc-2022) and verify over a stream of {@value #COUNT} distinct credentials ({@link DistinctCredentials}),
 * or the first of them over and over ({@code stream=repeated}), single-threaded. Verify starts from the received
 * bytes and runs every check. Besides JMH's wall-clock throughput, each measured iteration prints
 * {@code cpu-rate <benchmark> <stream> <ops per CPU-second>}: operations divided by the whole process's CPU time
 * (JIT and GC threads included), the figure {@code interop/bench-distinct.mjs} reports for digitalbazaar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DistinctCredentialBenchmarks {

    static final int COUNT = 1000;
    static final long SEED = 20261207L;

    @Param({"distinct", "repeated"})
    public String stream;

    private Ed25519KeyPair key;
    private String verificationMethod;
    private List<JsonObject> unsigned;
    private byte[][] signed;
    private Verifier verifier;
    private int next;
    private long operations;
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void setUp() {
        key = Ed25519.generate();
        Did issuer = DidKey.of(key.publicKey());
        verificationMethod = DidKey.verificationMethodId(key.publicKey());
        IssuerProfile profile = new IssuerProfile(
                issuer, "Example Community College", Optional.of(URI.create("https://college.example/")));
        unsigned = DistinctCredentials.generate(profile, stream.equals("repeated") ? 1 : COUNT, SEED);
        verifier = Verifier.builder().build();
        signed = new byte[unsigned.size()][];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = StrictJson.write(EddsaRdfc2022.sign(
                            unsigned.get(i), key, ProofOptions.assertion(verificationMethod, Instant.now())))
                    .getBytes(StandardCharsets.UTF_8);
            if (!verifier.verifyCredential(signed[i]).verified()) {
                throw new IllegalStateException("Benchmark credential " + i + " does not verify");
            }
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        operations = 0;
        cpuAtStart = processCpuNanos();
    }

    @TearDown(Level.Iteration)
    public void endIteration(org.openjdk.jmh.infra.BenchmarkParams params) {
        double cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        System.out.printf("%ncpu-rate %s %s %.1f%n", name, stream, operations / cpuSeconds);
    }

    @Benchmark
    public JsonObject sign() {
        JsonObject credential = unsigned.get(next++ % unsigned.size());
        operations++;
        return EddsaRdfc2022.sign(credential, key, ProofOptions.assertion(verificationMethod, Instant.now()));
    }

    @Benchmark
    public boolean verify() {
        byte[] credential = signed[next++ % signed.length];
        operations++;
        return verifier.verifyCredential(credential).verified();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Writes the stream for digitalbazaar: {@code DIR/unsigned.jsonl} and {@code DIR/signed.jsonl}, one per line. */
    public static void main(String[] args) throws java.io.IOException {
        DistinctCredentialBenchmarks benchmark = new DistinctCredentialBenchmarks();
        benchmark.stream = "distinct";
        benchmark.setUp();
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.write(
                dir.resolve("unsigned.jsonl"),
                benchmark.unsigned.stream().map(StrictJson::write).toList());
        Files.write(
                dir.resolve("signed.jsonl"),
                java.util.Arrays.stream(benchmark.signed)
                        .map(b -> new String(b, StandardCharsets.UTF_8))
                        .toList());
    }
}
