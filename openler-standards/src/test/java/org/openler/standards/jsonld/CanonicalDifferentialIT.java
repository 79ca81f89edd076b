package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofExpectations;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.json.StrictJson;

/**
 * Byte-for-byte agreement with jsonld.js + rdf-canonize, the stack that signs most credentials in the field: at least
 * 10,000 generated documents ({@link DifferentialDocuments}) are canonicalized by OpenLER — the full path and the shape
 * templates — and by {@code interop/differential.mjs} in one Node process, with the options of digitalbazaar's
 * eddsa-rdfc-2022 cryptosuite. Zero differences: the same N-Quads, or both refuse the document. The one refusal
 * allowed on our side alone is a number a double cannot hold (jsonld.js signs its rounded value, so two documents
 * would share a signature). Then a sample is signed here and verified there, and signed there and verified here.
 *
 * <p>The seed is printed; replay a failure with {@code -Dopenler.differential.seed=<seed>} (and
 * {@code -Dopenler.differential.count=<n>}).
 */
class CanonicalDifferentialIT {

    private static final Path INTEROP =
            Path.of("..", "interop").toAbsolutePath().normalize();
    private static final int SAMPLE = 100;

    @TempDir
    Path dir;

    @Test
    void openlerAndJsonldJsCanonicalizeTenThousandDocumentsIdenticallyAndVerifyEachOthersSignatures() throws Exception {
        long seed = Long.getLong("openler.differential.seed", System.nanoTime());
        int count = Integer.getInteger("openler.differential.count", 10_000);
        System.out.println("CanonicalDifferentialIT seed " + seed + " (replay: -Dopenler.differential.seed=" + seed
                + " -Dopenler.differential.count=" + count + ")");
        installNodeModules();

        List<DifferentialDocuments.Generated> documents = DifferentialDocuments.generate(seed, count, 6);
        JsonArrayBuilder all = Json.createArrayBuilder();
        documents.forEach(d -> all.add(d.document()));
        Files.writeString(dir.resolve("documents.json"), StrictJson.write(all.build()));

        // OpenLER: the full path and the shape templates must agree with each other first.
        long replaysBefore = Canonicalizer.shapeReplays();
        List<Outcome> ours = new ArrayList<>(documents.size());
        for (DifferentialDocuments.Generated generated : documents) {
            Outcome full = Outcome.of(() -> Canonicalizer.canonicalizeFully(generated.document()));
            Outcome shaped = Outcome.of(() -> Canonicalizer.canonicalize(generated.document()));
            assertThat(shaped)
                    .as("shape template vs full path, seed %d, document %s", seed, generated.document())
                    .isEqualTo(full);
            ours.add(full);
        }
        long replays = Canonicalizer.shapeReplays() - replaysBefore;

        // The sample to sign here: documents both sides canonicalize, re-issued by our did:key.
        List<JsonObject> signedHere = new ArrayList<>();
        List<JsonObject> toSignThere = new ArrayList<>();
        int badges = 0;
        int others = 0;
        for (int i = 0; i < documents.size() && signedHere.size() < SAMPLE; i++) {
            boolean badge =
                    documents.get(i).document().get("@context").toString().contains("imsglobal");
            if (ours.get(i).nquads() != null && (badge ? badges++ : others++) < SAMPLE / 2) {
                JsonObject document = Json.createObjectBuilder(documents.get(i).document())
                        .add("issuer", Fixtures.ISSUER_DID.value())
                        .build();
                signedHere.add(EddsaRdfc2022.sign(
                        document,
                        Fixtures.ISSUER_KEY,
                        ProofOptions.assertion(
                                DidKey.verificationMethodId(Fixtures.ISSUER_KEY.publicKey()), Instant.now())));
                toSignThere.add(documents.get(i).document());
            }
        }
        write("signed-here.json", signedHere);
        write("to-sign-there.json", toSignThere);

        long started = System.nanoTime();
        Result node = run(List.of(
                "node",
                "differential.mjs",
                "--canonicalize",
                dir.resolve("documents.json").toString(),
                "--verify",
                dir.resolve("signed-here.json").toString(),
                "--sign",
                dir.resolve("to-sign-there.json").toString(),
                "--out",
                dir.toString()));
        assertThat(node.exit()).as(node.stderr()).isZero();
        long nodeMillis = (System.nanoTime() - started) / 1_000_000;
        node.stderr().lines().filter(l -> l.startsWith("canonicalize timing")).forEach(System.out::println);

        List<String> theirs = Files.readAllLines(dir.resolve("canonical.jsonl"), StandardCharsets.UTF_8);
        assertThat(theirs).hasSize(documents.size());
        Map<String, Integer> tally = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonObject line = StrictJson.parseObject(theirs.get(i));
            Outcome mine = ours.get(i);
            String verdict;
            if (mine.nquads() != null && line.containsKey("nquads")) {
                verdict = mine.nquads().equals(line.getString("nquads")) ? "identical N-Quads" : "DIFFERENT N-Quads";
            } else if (mine.nquads() == null && line.containsKey("error")) {
                verdict = "refused by both (" + mine.code() + ")";
                if (Boolean.getBoolean("openler.differential.why")) {
                    verdict += " " + mine.message().replaceAll("'[^']*'", "'…'").replaceAll("\\[\\d+\\]", "");
                }
            } else if (mine.nquads() == null
                    && mine.code() == StandardsException.Code.DATA_LOSS
                    && documents.get(i).lossy().contains("number")
                    && mine.message().contains("number")) {
                verdict = "refused by OpenLER only: a number a double cannot hold";
            } else if (mine.nquads() == null
                    && mine.code() == StandardsException.Code.DATA_LOSS
                    && mine.message().contains("the same RDF statement")
                    && hasDuplicateLine(line.getString("nquads", ""))) {
                verdict = "refused by OpenLER only: two values are one RDF statement (jsonld.js signs it twice)";
            } else {
                verdict = mine.nquads() == null
                        ? "DIFFERENT: refused by OpenLER only"
                        : "DIFFERENT: refused by jsonld.js only";
            }
            tally.merge(verdict, 1, Integer::sum);
            if (verdict.startsWith("DIFFERENT") && tally.get(verdict) <= 3) {
                differences.add(
                        verdict + "\n document " + i + ": " + documents.get(i).document() + "\n" + explain(mine, line));
                String dump = System.getProperty("openler.differential.dump");
                if (dump != null) {
                    Files.writeString(
                            Path.of(dump, "difference-" + i + ".json"),
                            StrictJson.write(documents.get(i).document()));
                }
            }
        }

        // Signed here, verified by digitalbazaar; signed by digitalbazaar, verified here.
        List<String> verified = Files.readAllLines(dir.resolve("verified.jsonl"), StandardCharsets.UTF_8);
        assertThat(verified).hasSize(signedHere.size());
        int verifiedThere = 0;
        for (String line : verified) {
            JsonObject result = StrictJson.parseObject(line);
            if (result.getBoolean("verified")) {
                verifiedThere++;
            } else if (differences.size() < 10) {
                differences.add("signed here, refused by digitalbazaar: " + line);
            }
        }
        List<String> signed = Files.readAllLines(dir.resolve("signed.jsonl"), StandardCharsets.UTF_8);
        assertThat(signed).hasSize(toSignThere.size());
        int verifiedHere = 0;
        for (String line : signed) {
            JsonObject result = StrictJson.parseObject(line);
            assertThat(result.containsKey("signed")).as(line).isTrue();
            try {
                EddsaRdfc2022.verify(
                        result.getJsonObject("signed"),
                        DidResolvers.keyOnly(),
                        new ProofExpectations(
                                "assertionMethod", Optional.empty(), Optional.empty(), Optional.empty(), false));
                verifiedHere++;
            } catch (StandardsException e) {
                if (differences.size() < 10) {
                    differences.add("signed by digitalbazaar, refused here: " + e.getMessage());
                }
            }
        }

        System.out.println("CanonicalDifferentialIT: " + documents.size() + " documents (seed " + seed + "), "
                + replays + " canonicalized from shape templates, jsonld.js took " + nodeMillis + " ms: " + tally
                + "; sign→verify: " + verifiedThere + "/" + signedHere.size() + " signed here verify in"
                + " digitalbazaar, " + verifiedHere + "/" + toSignThere.size() + " signed there verify here");
        assertThat(differences).as("differences (seed %d)", seed).isEmpty();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(Math.min(count, 10_000));
        assertThat(tally.getOrDefault("identical N-Quads", 0))
                .as("most documents are lossless and compared byte for byte")
                .isGreaterThan(documents.size() * 8 / 10);
        assertThat(replays).as("the shape templates were exercised").isGreaterThan(documents.size() / 4);
        assertThat(verifiedThere).isEqualTo(signedHere.size()).isEqualTo(SAMPLE);
        assertThat(verifiedHere).isEqualTo(toSignThere.size());
    }

    private static boolean hasDuplicateLine(String nquads) {
        List<String> lines = nquads.lines().toList();
        return lines.size() != lines.stream().distinct().count();
    }

    /** The lines only one side wrote, or both outcomes when one side refused. */
    private static String explain(Outcome mine, JsonObject theirs) {
        if (mine.nquads() == null || !theirs.containsKey("nquads")) {
            return " OpenLER: " + mine + "\n jsonld.js: " + theirs;
        }
        List<String> ourLines = mine.nquads().lines().toList();
        List<String> theirLines = theirs.getString("nquads").lines().toList();
        StringBuilder diff = new StringBuilder();
        ourLines.stream()
                .filter(l -> !theirLines.contains(l))
                .forEach(l -> diff.append(" OpenLER only: ").append(l).append('\n'));
        theirLines.stream()
                .filter(l -> !ourLines.contains(l))
                .forEach(l -> diff.append(" jsonld.js only: ").append(l).append('\n'));
        return diff.toString();
    }

    /** What OpenLER made of a document: its canonical N-Quads, or the code and message it refused it with. */
    record Outcome(String nquads, StandardsException.Code code, String message) {
        interface Canonicalization {
            String run();
        }

        static Outcome of(Canonicalization canonicalization) {
            try {
                return new Outcome(canonicalization.run(), null, null);
            } catch (StandardsException e) {
                return new Outcome(null, e.code(), e.getMessage());
            }
        }
    }

    private void write(String name, List<JsonObject> documents) throws IOException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        documents.forEach(array::add);
        Files.writeString(dir.resolve(name), StrictJson.write(array.build()));
    }

    private static void installNodeModules() throws Exception {
        assertThat(INTEROP.resolve("differential.mjs")).exists();
        if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertThat(npm.exit()).as("npm ci in interop/: " + npm.stderr()).isZero();
        }
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(INTEROP.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "The differential test needs Node.js 20+ and npm on the PATH (" + command.get(0) + " not found)",
                    e);
        }
        process.getOutputStream().close();
        CompletableFuture<String> stdout = new CompletableFuture<>();
        CompletableFuture<String> stderr = new CompletableFuture<>();
        Thread.startVirtualThread(() -> stdout.complete(read(process.getInputStream())));
        Thread.startVirtualThread(() -> stderr.complete(read(process.getErrorStream())));
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 600 s");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
