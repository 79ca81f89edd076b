package org.openler.standards.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and signature lines {@code — <key name>
 * <base64(key id || signature)>} (an em dash, U+2014). An Ed25519 signature covers the text including its final
 * newline. Verification fails closed: a note whose text has a control character, or which carries no valid signature
 * by the expected key, is refused with the reason.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_NOTE_BYTES = 1 << 20;
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {}

    /** Signs a text with a named Ed25519 key: the text, a blank line and one signature line. */
    public static String sign(String text, String keyName, Ed25519KeyPair key) {
        checkText(text);
        NoteVerifierKey verifier = new NoteVerifierKey(keyName, key.publicKey());
        byte[] signature = Ed25519.sign(key, text.getBytes(StandardCharsets.UTF_8));
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(verifier.keyId(), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + SIGNATURE_PREFIX + keyName + " "
                + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * The text of a note signed by {@code key}. Signatures by other keys are ignored (a note may carry a witness's
     * co-signature); a signature by this key that does not verify rejects the whole note.
     */
    public static String open(String note, NoteVerifierKey key) {
        if (note.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES) {
            throw new StandardsException(Code.TOO_LARGE, "A signed note is at most 1 MiB");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new StandardsException(Code.INVALID_PROOF, "A signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String signatures = note.substring(split + 2);
        if (!signatures.endsWith("\n")) {
            throw new StandardsException(Code.INVALID_PROOF, "A signed note's signature lines end in a newline");
        }
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new StandardsException(Code.INVALID_PROOF, "A signed note carries at most 100 signatures");
        }
        byte[] expectedId = key.keyId();
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new StandardsException(Code.INVALID_PROOF, "A signature line starts with an em dash and a space");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2 || !NoteVerifierKey.validName(parts[0])) {
                throw new StandardsException(Code.INVALID_PROOF, "A signature line is a key name and a signature");
            }
            byte[] value;
            try {
                value = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new StandardsException(Code.INVALID_PROOF, "A note signature is not base64", e);
            }
            if (value.length < 5) {
                throw new StandardsException(Code.INVALID_PROOF, "A note signature is too short");
            }
            if (parts[0].equals(key.name()) && MessageDigest.isEqual(Arrays.copyOf(value, 4), expectedId)) {
                byte[] signature = Arrays.copyOfRange(value, 4, value.length);
                if (!Ed25519.verify(key.publicKey(), text.getBytes(StandardCharsets.UTF_8), signature)) {
                    throw new StandardsException(
                            Code.INVALID_PROOF, "The note's signature by " + key.name() + " is invalid");
                }
                return text;
            }
        }
        throw new StandardsException(Code.INVALID_PROOF, "The note is not signed by " + key.name());
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A note's text ends in a newline");
        }
        if (text.contains("\n\n") && !text.equals("\n")) {
            // Allowed by the format, but a blank line in the text would be taken for the signature separator by
            // a reader that splits at the first blank line; our texts never need one.
            throw new StandardsException(Code.INVALID_ARGUMENT, "A note's text has no blank line");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A note's text has no control characters");
        }
    }
}
