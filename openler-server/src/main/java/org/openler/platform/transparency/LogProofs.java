package org.openler.platform.transparency;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.StandardsException;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.MerkleHash;
import org.openler.standards.transparency.MerkleProofs;
import org.openler.standards.transparency.SignedNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading the log: signed heads, inclusion and consistency proofs, the entries themselves, and whether a credential
 * is recorded. Proofs are served only up to the latest signed head, and every node of a proof is read in one query.
 */
@Service
public class LogProofs {

    /** Most entries one {@link #leaves} call returns. */
    public static final int MAX_LEAVES = 1000;

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final LogKey key;

    LogProofs(JdbcClient jdbc, Nodes nodes, LogKey key) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.key = key;
    }

    /** A signed tree head: the exact signed note that was published. */
    public record SignedHead(long size, byte[] rootHash, String note, Instant signedAt) {}

    /** One entry of the log, with its exact bytes. */
    public record Entry(long leafIndex, byte[] leafHash, String type, String entry, Instant loggedAt) {}

    /** An entry's inclusion proof in the tree of {@code treeSize} leaves, and that tree's head if one was signed. */
    public record Inclusion(Entry entry, long treeSize, List<byte[]> path, Optional<SignedHead> head) {}

    /** The log's note verifier key ({@code <origin>+<key id>+<base64 key>}): what auditors pin. */
    public String verifierKey() {
        return key.get().verifier().encode();
    }

    public Optional<SignedHead> latest() {
        return jdbc.sql("select tree_size, root_hash, note, signed_at from transparency_checkpoint"
                        + " order by tree_size desc limit 1")
                .query(LogProofs::signedHead)
                .optional();
    }

    public Optional<SignedHead> head(long size) {
        return jdbc.sql("select tree_size, root_hash, note, signed_at from transparency_checkpoint where tree_size = ?")
                .param(size)
                .query(LogProofs::signedHead)
                .optional();
    }

    private long latestSize() {
        return latest().map(SignedHead::size).orElse(0L);
    }

    /**
     * The inclusion proof of the entry with this leaf hash, or else of the first entry about this subject hash (a
     * credential's id hash finds its issuance), in the latest signed tree or the tree of {@code treeSize} leaves.
     */
    public Inclusion inclusion(byte[] hash, OptionalLong treeSize) {
        long latest = latestSize();
        long size = treeSize.orElse(latest);
        if (size < 1 || size > latest) {
            throw PlatformException.invalid("treeSize", "Between 1 and the latest signed tree size, " + latest + ".");
        }
        Entry entry = find("leaf_hash", hash)
                .or(() -> find("subject_hash", hash))
                .orElseThrow(() -> PlatformException.notFound("An entry with this hash"));
        if (entry.leafIndex() < 0) {
            throw PlatformException.notFound("A sequenced entry with this hash (it is in the next tree head)");
        }
        if (entry.leafIndex() >= size) {
            throw PlatformException.invalid(
                    "treeSize", "The entry is leaf " + entry.leafIndex() + ", not in a tree of " + size + " leaves.");
        }
        return new Inclusion(entry, size, MerkleProofs.inclusion(entry.leafIndex(), size, nodes), head(size));
    }

    /** The consistency proof from the tree of {@code from} leaves to the tree of {@code to} (default: the latest). */
    public List<byte[]> consistency(long from, OptionalLong to) {
        long latest = latestSize();
        long second = to.orElse(latest);
        if (second < 0 || second > latest) {
            throw PlatformException.invalid("to", "Between 0 and the latest signed tree size, " + latest + ".");
        }
        if (from < 0 || from > second) {
            throw PlatformException.invalid("from", "Between 0 and " + second + ".");
        }
        return MerkleProofs.consistency(from, second, nodes);
    }

    /** Entries {@code start} (inclusive) to {@code end} (exclusive) of the latest signed tree, at most 1000. */
    public List<Entry> leaves(long start, long end) {
        long latest = latestSize();
        if (start < 0 || start > latest) {
            throw PlatformException.invalid("start", "Between 0 and the latest signed tree size, " + latest + ".");
        }
        if (end < start || end > latest || end - start > MAX_LEAVES) {
            throw PlatformException.invalid(
                    "end",
                    "Between start and the latest signed tree size (" + latest + "), at most " + MAX_LEAVES
                            + " past start.");
        }
        return jdbc.sql("select leaf_index, leaf_hash, event_type, entry, logged_at from transparency_entry"
                        + " where leaf_index >= ? and leaf_index < ? order by leaf_index")
                .params(start, end)
                .query(LogProofs::entry)
                .list();
    }

    private Optional<Entry> find(String column, byte[] hash) {
        return jdbc.sql("select leaf_index, leaf_hash, event_type, entry, logged_at from transparency_entry where "
                        + column + " = ? order by seq limit 1")
                .param(hash)
                .query(LogProofs::entry)
                .optional();
    }

    /** A checkpoint row, as both {@link #latest()} and {@link #head(long)} select it. */
    private static SignedHead signedHead(ResultSet rs, int row) throws SQLException {
        return new SignedHead(
                rs.getLong(1),
                rs.getBytes(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    /** An entry row; an entry not yet sequenced has no leaf index (-1). */
    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getObject(1) == null ? -1 : rs.getLong(1),
                rs.getBytes(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    /** What the log knows of a credential's issuance. */
    public sealed interface CredentialRecord {

        /** Sequenced, and its inclusion proof verified against the latest signed head. */
        record Recorded(Instant loggedAt, long leafIndex, long treeSize) implements CredentialRecord {}

        /** Written with the credential, not yet in a signed head (the sequencer runs every second or so). */
        record Pending(Instant loggedAt) implements CredentialRecord {}

        /** Sequenced, but its proof does not lead to the signed head: the stored log was altered. */
        record Inconsistent(String reason) implements CredentialRecord {}

        record NotRecorded() implements CredentialRecord {}
    }

    /**
     * Whether the issuance of the credential with this id is in the log, checked the way an outside verifier would:
     * the latest head's signature under the log key, then the entry's inclusion proof against that head's root.
     */
    public CredentialRecord credential(String credentialId) {
        Optional<Entry> found = jdbc.sql("select leaf_index, leaf_hash, event_type, entry, logged_at from"
                        + " transparency_entry where subject_hash = ? and event_type = 'credential.issued'"
                        + " order by seq limit 1")
                .param(LogEvent.credentialSubject(credentialId))
                .query(LogProofs::entry)
                .optional();
        if (found.isEmpty()) {
            return new CredentialRecord.NotRecorded();
        }
        Entry entry = found.get();
        Optional<SignedHead> head = latest();
        if (entry.leafIndex() < 0
                || head.isEmpty()
                || entry.leafIndex() >= head.get().size()) {
            return new CredentialRecord.Pending(entry.loggedAt());
        }
        try {
            Checkpoint checkpoint = Checkpoint.parse(
                    SignedNote.open(head.get().note(), key.get().verifier()));
            byte[] leafHash = MerkleHash.leaf(entry.entry().getBytes(StandardCharsets.UTF_8));
            List<byte[]> path = MerkleProofs.inclusion(entry.leafIndex(), checkpoint.size(), nodes);
            if (!MerkleProofs.verifyInclusion(
                    entry.leafIndex(), checkpoint.size(), leafHash, path, checkpoint.rootHash())) {
                return new CredentialRecord.Inconsistent("its inclusion proof does not lead to the signed head");
            }
            return new CredentialRecord.Recorded(entry.loggedAt(), entry.leafIndex(), checkpoint.size());
        } catch (StandardsException | IllegalStateException e) {
            return new CredentialRecord.Inconsistent(e.getMessage());
        }
    }
}
