package org.openler.platform.transparency;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.StrictJson;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.MemoryTree;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.MerkleProofs;
import org.openler.standards.transparency.NoteVerifierKey;
import org.openler.standards.transparency.SignedNote;

/**
 * An outside auditor of a log, using only its public API: it checks the latest signed checkpoint under the log key,
 * that it is consistent with a checkpoint saved earlier (else the log forked or rewrote its past), and that the
 * entries it serves hash to the signed root (else a stored entry was changed). No Spring and no database: this is what
 * {@code ./openler log audit} runs, and what anyone can run against any OpenLER log.
 */
public final class LogAuditor {

    /**
     * What one audit found: the checkpoint it reached, the signed note it read it from (what a caller saves for the
     * next audit: this one, never a note fetched again afterwards, which nobody checked), and every problem (none
     * means the log checks out).
     */
    public record Report(
            Optional<Checkpoint> latest, Optional<String> note, List<String> findings, List<String> problems) {

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private static final int PAGE = LogProofs.MAX_LEAVES;

    private final URI base;
    private final HttpClient http;

    public LogAuditor(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The log's verifier key as it publishes it (trust on first use unless the caller pins one). */
    public NoteVerifierKey publishedKey() throws IOException {
        return NoteVerifierKey.parse(get("/log/key"));
    }

    /** The latest signed checkpoint note as served. */
    public String latestNote() throws IOException {
        return get("/log/checkpoint");
    }

    /**
     * Audits the log: the latest head under {@code key}; consistency with {@code saved} (a signed checkpoint note from
     * an earlier audit), if given; and, when {@code replay} is set, every entry hashed again into the tree.
     */
    public Report audit(NoteVerifierKey key, Optional<String> saved, boolean replay) throws IOException {
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Checkpoint latest;
        String note = latestNote();
        try {
            latest = Checkpoint.parse(SignedNote.open(note, key));
        } catch (StandardsException e) {
            problems.add("The latest checkpoint is not validly signed by " + key.name() + ": " + e.getMessage());
            return new Report(Optional.empty(), Optional.empty(), findings, problems);
        }
        findings.add("Latest checkpoint: " + latest.size() + " entries, root "
                + Base64.getEncoder().encodeToString(latest.rootHash()) + " (signature valid)");
        if (!latest.origin().equals(key.name())) {
            problems.add("The checkpoint names origin " + latest.origin() + ", not " + key.name());
        }
        Optional<Checkpoint> before = Optional.empty();
        if (saved.isPresent()) {
            try {
                before = Optional.of(Checkpoint.parse(SignedNote.open(saved.get(), key)));
            } catch (StandardsException e) {
                problems.add("The saved checkpoint is not validly signed by " + key.name() + ": " + e.getMessage());
            }
        }
        if (before.isPresent()) {
            consistency(before.get(), latest, findings, problems);
        }
        if (replay) {
            replay(latest, before, findings, problems);
        }
        return new Report(Optional.of(latest), Optional.of(note), findings, problems);
    }

    private void consistency(Checkpoint before, Checkpoint latest, List<String> findings, List<String> problems)
            throws IOException {
        if (before.size() > latest.size()) {
            problems.add("ROLLBACK: the log had " + before.size() + " entries and now shows " + latest.size());
            return;
        }
        if (before.size() == latest.size()) {
            if (!MessageDigest.isEqual(before.rootHash(), latest.rootHash())) {
                problems.add("FORK: two signed checkpoints of " + latest.size()
                        + " entries with different roots (the log showed two different histories)");
            } else {
                findings.add("The saved checkpoint is the latest one");
            }
            return;
        }
        JsonObject proof =
                StrictJson.parseObject(get("/log/proof/consistency?from=" + before.size() + "&to=" + latest.size())
                        .getBytes(StandardCharsets.UTF_8));
        List<byte[]> path = hashes(proof.getJsonArray("consistencyPath"));
        if (MerkleProofs.verifyConsistency(before.size(), latest.size(), before.rootHash(), latest.rootHash(), path)) {
            findings.add("Consistent with the saved checkpoint of " + before.size() + " entries: only appended since");
        } else {
            problems.add("FORK or REWRITE: the latest checkpoint is not an extension of the saved one of "
                    + before.size() + " entries");
        }
    }

    private void replay(Checkpoint latest, Optional<Checkpoint> before, List<String> findings, List<String> problems)
            throws IOException {
        MemoryTree tree = new MemoryTree();
        long changed = 0;
        for (long start = 0; start < latest.size(); start += PAGE) {
            long end = Math.min(latest.size(), start + PAGE);
            JsonArray leaves = StrictJson.parseArray(
                    get("/log/leaves?start=" + start + "&end=" + end).getBytes(StandardCharsets.UTF_8),
                    new JsonLimits(16 * 1024 * 1024, 8));
            if (leaves.size() != end - start) {
                problems.add("The log served " + leaves.size() + " entries for " + start + ".." + end);
                return;
            }
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < leaves.size(); i++) {
                JsonObject leaf = leaves.getJsonObject(i);
                byte[] computed = MerkleHash.leaf(leaf.getString("entry").getBytes(StandardCharsets.UTF_8));
                if (!MessageDigest.isEqual(computed, Base64.getDecoder().decode(leaf.getString("leafHash")))) {
                    changed++;
                    if (changed <= 10) {
                        problems.add(
                                "REWRITE: entry " + leaf.getJsonNumber("index").longValue()
                                        + " does not hash to the leaf hash the log gives for it");
                    }
                }
                hashes.add(computed);
            }
            tree.appendLeafHashes(hashes);
        }
        if (!MessageDigest.isEqual(tree.root(latest.size()), latest.rootHash())) {
            problems.add("REWRITE: the " + latest.size() + " entries served do not hash to the signed root");
        } else {
            findings.add("All " + latest.size() + " entries hash to the signed root");
        }
        if (before.isPresent()
                && before.get().size() <= latest.size()
                && !MessageDigest.isEqual(
                        tree.root(before.get().size()), before.get().rootHash())) {
            problems.add("REWRITE: the first " + before.get().size()
                    + " entries served no longer hash to the saved checkpoint's root");
        }
    }

    private static List<byte[]> hashes(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(s -> Base64.getDecoder().decode(s.getString()))
                .toList();
    }

    /**
     * One GET of the log's public API. Anything but a 200, and a log that cannot be reached, is an
     * {@link IOException} naming the request: the audit then could not run (exit status 2), which is not a finding
     * about the log — an unreachable or overloaded log must never read as a fork or a rewrite.
     */
    private String get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Accept",
                        path.startsWith("/log/checkpoint") || path.startsWith("/log/key")
                                ? "text/plain"
                                : "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(
                    "GET " + path + ": the log at " + base.getHost() + " could not be reached (" + e.getMessage() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
