package org.openler.standards.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Multibase;

/**
 * A Bitstring Status List v1.0 bitstring. Index 0 is the most significant bit of the first byte, as the spec's
 * algorithms read it. Lists have at least 131,072 entries (16 KB), the spec's minimum for group privacy. Mutable and
 * not thread-safe: the server owns a list under its own lock or transaction.
 */
public final class BitstringStatusList {

    /** The spec's minimum length: 131,072 entries. */
    public static final int MIN_LENGTH = 131_072;

    /** Encoded lists larger than this (16 MB of bits, 128 M entries) are refused while decoding. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /** An all-clear list of the given length (a multiple of 8, at least {@link #MIN_LENGTH}). */
    public static BitstringStatusList ofLength(int length) {
        if (length < MIN_LENGTH || length % 8 != 0) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "A status list has at least " + MIN_LENGTH + " entries, a multiple of 8");
        }
        return new BitstringStatusList(new byte[length / 8]);
    }

    /** An all-clear list of the minimum length. */
    public static BitstringStatusList create() {
        return ofLength(MIN_LENGTH);
    }

    /** Number of entries. */
    public int length() {
        return bits.length * 8;
    }

    public boolean get(int index) {
        check(index);
        return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    public void set(int index, boolean value) {
        check(index);
        if (value) {
            bits[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        } else {
            bits[index >>> 3] &= (byte) ~(0x80 >>> (index & 7));
        }
    }

    /** {@code encodedList}: GZIP, then multibase base64url without padding ({@code u…}). */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bits.length / 64 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException("In-memory GZIP cannot fail", e);
        }
        return Multibase.encodeBase64Url(out.toByteArray());
    }

    /**
     * Decodes an {@code encodedList}. Decompression is bounded so a small "zip bomb" cannot exhaust memory.
     *
     * @throws StandardsException INVALID_STATUS when it is not multibase base64url GZIP, or is too short or too long
     */
    public static BitstringStatusList decode(String encodedList) {
        byte[] compressed;
        try {
            compressed = Multibase.decodeBase64Url(encodedList);
        } catch (StandardsException e) {
            // Older lists omit the multibase prefix; the spec's v1.0 form requires it.
            throw new StandardsException(Code.INVALID_STATUS, "encodedList is not multibase base64url ('u…')", e);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length > MAX_BYTES) {
                throw new StandardsException(Code.INVALID_STATUS, "encodedList decompresses to more than 16 MB");
            }
            if (bits.length * 8 < MIN_LENGTH) {
                throw new StandardsException(
                        Code.INVALID_STATUS,
                        "encodedList has " + bits.length * 8 + " entries; at least " + MIN_LENGTH + " are required");
            }
            return new BitstringStatusList(bits);
        } catch (IOException e) {
            throw new StandardsException(Code.INVALID_STATUS, "encodedList is not GZIP: " + e.getMessage(), e);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= length()) {
            throw new StandardsException(
                    Code.INVALID_STATUS, "Status index " + index + " is outside the list (0.." + (length() - 1) + ")");
        }
    }
}
