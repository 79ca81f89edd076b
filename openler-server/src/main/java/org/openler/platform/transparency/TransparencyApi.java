package org.openler.platform.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.transparency.MerkleHash;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log's public API, for verifiers, monitors and auditors: the latest signed checkpoint (also at a well-known
 * address), the log's verifier key, inclusion and consistency proofs, and the entries. Hashes are standard base64 as
 * in checkpoints; a {@code hash} parameter also takes hex or base64url. Everything here is public data.
 */
@RestController
class TransparencyApi {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final LogProofs proofs;

    TransparencyApi(LogProofs proofs) {
        this.proofs = proofs;
    }

    /** The latest signed checkpoint, as the exact signed note (transparency-dev checkpoint, C2SP signed note). */
    @GetMapping(value = {"/log/checkpoint", "/.well-known/transparency-log/checkpoint"})
    @Access(Audience.PUBLIC)
    ResponseEntity<String> checkpoint() {
        LogProofs.SignedHead head = proofs.latest()
                .orElseThrow(() -> PlatformException.notFound("A signed checkpoint (the log has not started yet)"));
        return ResponseEntity.ok().contentType(TEXT).body(head.note());
    }

    /** The log's note verifier key, {@code <origin>+<key id>+<base64(0x01 || Ed25519 key)>}. */
    @GetMapping(value = {"/log/key", "/.well-known/transparency-log/key"})
    @Access(Audience.PUBLIC)
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).body(proofs.verifierKey() + "\n");
    }

    record InclusionView(
            long leafIndex,
            long treeSize,
            String leafHash,
            String entry,
            Instant loggedAt,
            List<String> inclusionPath,
            @Nullable String checkpoint) {}

    @GetMapping(value = "/log/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    InclusionView inclusion(@RequestParam String hash, @RequestParam(required = false) @Nullable Long treeSize) {
        LogProofs.Inclusion inclusion =
                proofs.inclusion(hash(hash), treeSize == null ? OptionalLong.empty() : OptionalLong.of(treeSize));
        return new InclusionView(
                inclusion.entry().leafIndex(),
                inclusion.treeSize(),
                base64(inclusion.entry().leafHash()),
                inclusion.entry().entry(),
                inclusion.entry().loggedAt(),
                inclusion.path().stream().map(TransparencyApi::base64).toList(),
                inclusion.head().map(LogProofs.SignedHead::note).orElse(null));
    }

    record ConsistencyView(long from, long to, List<String> consistencyPath) {}

    @GetMapping(value = "/log/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    ConsistencyView consistency(@RequestParam long from, @RequestParam(required = false) @Nullable Long to) {
        long second =
                to == null ? proofs.latest().map(LogProofs.SignedHead::size).orElse(0L) : to;
        List<byte[]> path = proofs.consistency(from, OptionalLong.of(second));
        return new ConsistencyView(
                from, second, path.stream().map(TransparencyApi::base64).toList());
    }

    record LeafView(long index, String leafHash, String type, String entry, Instant loggedAt) {}

    @GetMapping(value = "/log/leaves", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    List<LeafView> leaves(@RequestParam long start, @RequestParam long end) {
        return proofs.leaves(start, end).stream()
                .map(e -> new LeafView(e.leafIndex(), base64(e.leafHash()), e.type(), e.entry(), e.loggedAt()))
                .toList();
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    /** A 32-byte hash given as hex, base64 or base64url. */
    static byte[] hash(String given) {
        String value = given.strip().replace(' ', '+'); // an unencoded + in a query string arrives as a space
        byte[] decoded = null;
        try {
            if (value.matches("[0-9a-fA-F]{64}")) {
                decoded = HexFormat.of().parseHex(value);
            } else if (value.matches("[A-Za-z0-9+/]{43}=?")) {
                decoded = Base64.getDecoder().decode(value.endsWith("=") ? value : value + "=");
            } else if (value.matches("[A-Za-z0-9_-]{43}=?")) {
                decoded = Base64.getUrlDecoder().decode(value.endsWith("=") ? value : value + "=");
            }
        } catch (IllegalArgumentException e) {
            decoded = null;
        }
        if (decoded == null || decoded.length != MerkleHash.SIZE) {
            throw PlatformException.invalid("hash", "A SHA-256 hash: 64 hex digits, or 44 characters of base64.");
        }
        return decoded;
    }
}
