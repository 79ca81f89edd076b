package org.openler.standards.status;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.openler.standards.StandardsException;

/**
 * The status list of the IETF Token Status List (draft-ietf-oauth-status-list): each referenced token's status is
 * {@code bits} wide (1, 2, 4 or 8) at its index, the first index in the least significant bits of the first byte;
 * the bytes are compressed with DEFLATE in the ZLIB format and base64url-encoded as {@code lst}. Values: 0 VALID,
 * 1 INVALID, 2 SUSPENDED (others are application-specific).
 */
public final class TokenStatusList {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int SUSPENDED = 2;

    /** A list decompresses to at most this many bytes (16 MB): a hostile list cannot exhaust memory. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final int bits;
    private final byte[] bytes;

    private TokenStatusList(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
    }

    /** An all-VALID list of {@code size} entries, {@code bits} each. */
    public static TokenStatusList of(int bits, int size) {
        checkBits(bits);
        if (size <= 0 || (long) size * bits / 8 > MAX_BYTES) {
            throw new StandardsException(StandardsException.Code.INVALID_ARGUMENT, "A status list size out of range");
        }
        return new TokenStatusList(bits, new byte[(int) (((long) size * bits + 7) / 8)]);
    }

    /** Reads a Status List Token's {@code status_list} members. */
    public static TokenStatusList decode(int bits, String lst) {
        checkBits(bits);
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(lst);
        } catch (IllegalArgumentException e) {
            throw new StandardsException(StandardsException.Code.INVALID_STATUS, "lst is not base64url");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StandardsException(StandardsException.Code.INVALID_STATUS, "lst is truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new StandardsException(StandardsException.Code.INVALID_STATUS, "lst is too large");
                }
            }
            return new TokenStatusList(bits, out.toByteArray());
        } catch (DataFormatException e) {
            throw new StandardsException(StandardsException.Code.INVALID_STATUS, "lst is not ZLIB data");
        } finally {
            inflater.end();
        }
    }

    public int bits() {
        return bits;
    }

    /** How many entries the list holds. */
    public int size() {
        return (int) ((long) bytes.length * 8 / bits);
    }

    public int get(int index) {
        checkIndex(index);
        long bit = (long) index * bits;
        return (bytes[(int) (bit / 8)] >> (int) (bit % 8)) & ((1 << bits) - 1);
    }

    public void set(int index, int status) {
        checkIndex(index);
        if (status < 0 || status >= (1 << bits)) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_ARGUMENT, "A status of " + bits + " bits cannot be " + status);
        }
        long bit = (long) index * bits;
        int at = (int) (bit / 8);
        int shift = (int) (bit % 8);
        int mask = ((1 << bits) - 1) << shift;
        bytes[at] = (byte) ((bytes[at] & ~mask) | (status << shift));
    }

    /** The {@code lst} member: ZLIB-compressed (best compression), base64url without padding. */
    public String encode() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new StandardsException(
                    StandardsException.Code.INVALID_STATUS, "Index " + index + " is outside the status list");
        }
    }

    private static void checkBits(int bits) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new StandardsException(StandardsException.Code.INVALID_STATUS, "bits must be 1, 2, 4 or 8");
        }
    }
}
