package org.openler.standards.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * A transparency-dev checkpoint (the C2SP tlog-checkpoint format): the log's origin line, its tree size in decimal and
 * its root hash in standard base64, each on its own line, then optional extension lines. It is the text of a {@link
 * SignedNote}; the signature is what makes it a signed tree head.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n") || origin.isBlank()) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A tree size is not negative");
        }
        if (rootHash.length != MerkleHash.SIZE) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new StandardsException(Code.INVALID_ARGUMENT, "An extension is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The checkpoint's text: every line ends in a newline, as the signed note signs it. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Parses a checkpoint's text (a signed note's text, after its signature was checked). */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A checkpoint ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A checkpoint has an origin, a size and a root hash");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A checkpoint's size is a decimal number");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A checkpoint's size or root hash is malformed", e);
        }
        return new Checkpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c
                && origin.equals(c.origin)
                && size == c.size
                && Arrays.equals(rootHash, c.rootHash)
                && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
