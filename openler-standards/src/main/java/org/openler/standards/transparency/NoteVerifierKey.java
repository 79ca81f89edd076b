package org.openler.standards.transparency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519PublicKey;

/**
 * A signed-note verifier key: a key name and an Ed25519 public key, written {@code
 * <name>+<8 hex digits of key id>+<base64(0x01 || public key)>} as C2SP signed-note and Go's sumdb/note do. The key
 * id is the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}.
 */
public record NoteVerifierKey(String name, Ed25519PublicKey publicKey) {

    /** The signature type byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    public NoteVerifierKey {
        if (!validName(name)) {
            throw new StandardsException(
                    Code.INVALID_KEY, "A note key name is non-empty and has no space, plus sign or control character");
        }
    }

    /** The 4-byte key id that starts every signature by this key. */
    public byte[] keyId() {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        input.write('\n');
        input.write(ED25519);
        input.writeBytes(publicKey.bytes());
        return Arrays.copyOf(MerkleHash.sha256(input.toByteArray()), 4);
    }

    /** The verifier key string a log publishes for its auditors. */
    public String encode() {
        byte[] typed = new byte[1 + Ed25519.PUBLIC_KEY_SIZE];
        typed[0] = ED25519;
        System.arraycopy(publicKey.bytes(), 0, typed, 1, Ed25519.PUBLIC_KEY_SIZE);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** Parses a verifier key string, checking that its key id matches its name and key. */
    public static NoteVerifierKey parse(String encoded) {
        String[] parts = encoded.strip().split("\\+", 3); // base64 may itself contain plus signs
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new StandardsException(Code.INVALID_KEY, "A verifier key is <name>+<key id>+<base64 key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new StandardsException(Code.INVALID_KEY, "A verifier key's key is not base64", e);
        }
        if (typed.length != 1 + Ed25519.PUBLIC_KEY_SIZE || typed[0] != ED25519) {
            throw new StandardsException(Code.ALGORITHM_NOT_ALLOWED, "Only Ed25519 note keys are accepted");
        }
        NoteVerifierKey key =
                new NoteVerifierKey(parts[0], new Ed25519PublicKey(Arrays.copyOfRange(typed, 1, typed.length)));
        if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1])) {
            throw new StandardsException(Code.INVALID_KEY, "A verifier key's key id does not match its name and key");
        }
        return key;
    }

    static boolean validName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c <= 0x20 || c == '+' || Character.isWhitespace(c));
    }
}
