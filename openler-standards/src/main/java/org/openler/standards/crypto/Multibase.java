package org.openler.standards.crypto;

import java.util.Arrays;
import java.util.Base64;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/** Multibase: base58btc ({@code z}) for keys and proof values, base64url without padding ({@code u}) for status lists. */
public final class Multibase {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Multibase() {}

    /** {@code z} + base58btc. */
    public static String encodeBase58Btc(byte[] bytes) {
        return "z" + base58(bytes);
    }

    /** Decodes a {@code z}-prefixed base58btc value. */
    public static byte[] decodeBase58Btc(String value) {
        if (value.isEmpty() || value.charAt(0) != 'z') {
            throw new StandardsException(Code.INVALID_KEY, "Expected a multibase base58btc value (prefix 'z')");
        }
        return unbase58(value.substring(1));
    }

    /** {@code u} + base64url without padding. */
    public static String encodeBase64Url(byte[] bytes) {
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes a {@code u}-prefixed base64url value. */
    public static byte[] decodeBase64Url(String value) {
        if (value.isEmpty() || value.charAt(0) != 'u') {
            throw new StandardsException(Code.INVALID_KEY, "Expected a multibase base64url value (prefix 'u')");
        }
        try {
            return Base64.getUrlDecoder().decode(value.substring(1));
        } catch (IllegalArgumentException e) {
            throw new StandardsException(Code.INVALID_KEY, "Invalid base64url: " + e.getMessage(), e);
        }
    }

    private static String base58(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] copy = Arrays.copyOf(input, input.length);
        char[] encoded = new char[input.length * 2];
        int out = encoded.length;
        int start = zeros;
        while (start < copy.length) {
            encoded[--out] = ALPHABET[divmod(copy, start, 256, 58)];
            if (copy[start] == 0) {
                start++;
            }
        }
        while (out < encoded.length && encoded[out] == ALPHABET[0]) {
            out++;
        }
        while (--zeros >= 0) {
            encoded[--out] = ALPHABET[0];
        }
        return new String(encoded, out, encoded.length - out);
    }

    private static byte[] unbase58(String input) {
        if (input.isEmpty()) {
            throw new StandardsException(Code.INVALID_KEY, "Empty base58btc value");
        }
        byte[] input58 = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new StandardsException(Code.INVALID_KEY, "Invalid base58btc character '" + c + "'");
            }
            input58[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < input58.length && input58[zeros] == 0) {
            zeros++;
        }
        // The number, little-endian in 32-bit limbs: times 58 plus the next digit, for each digit (no division; a
        // signature's 88 digits cost ~1,400 multiply-adds instead of ~5,600 divisions digit by byte).
        int[] limbs = new int[input58.length * 6 / 32 + 2];
        int used = 0;
        for (int i = zeros; i < input58.length; i++) {
            long carry = input58[i];
            for (int l = 0; l < used; l++) {
                long product = (limbs[l] & 0xFFFFFFFFL) * 58 + carry;
                limbs[l] = (int) product;
                carry = product >>> 32;
            }
            if (carry != 0) {
                limbs[used++] = (int) carry;
            }
        }
        int significant = used * 4;
        while (significant > 0 && byteAt(limbs, significant - 1) == 0) {
            significant--;
        }
        byte[] decoded = new byte[zeros + significant];
        for (int k = 0; k < significant; k++) {
            decoded[decoded.length - 1 - k] = byteAt(limbs, k);
        }
        return decoded;
    }

    /** Byte {@code k} (0 = least significant) of a little-endian number in 32-bit limbs. */
    private static byte byteAt(int[] limbs, int k) {
        return (byte) (limbs[k >>> 2] >>> ((k & 3) * 8));
    }

    private static byte divmod(byte[] number, int first, int base, int divisor) {
        int remainder = 0;
        for (int i = first; i < number.length; i++) {
            int digit = number[i] & 0xFF;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return (byte) remainder;
    }
}
