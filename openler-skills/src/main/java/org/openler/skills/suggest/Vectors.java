package org.openler.skills.suggest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small vector helpers: normalising, dot products, and the byte form vectors are stored in. */
public final class Vectors {

    private Vectors() {}

    public static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float[] out = vector.clone();
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        return out;
    }

    /** Dot product of {@code query} with the row starting at {@code offset} of a flat matrix. */
    static float dot(float[] query, float[] matrix, int offset) {
        // four accumulators: the JIT does not reorder a single floating-point sum, so this is what lets it pipeline
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = query.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += query[i] * matrix[offset + i];
            s1 += query[i + 1] * matrix[offset + i + 1];
            s2 += query[i + 2] * matrix[offset + i + 2];
            s3 += query[i + 3] * matrix[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += query[i] * matrix[offset + i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** Little-endian IEEE floats: 4 bytes per dimension. */
    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("Not a float vector: " + bytes.length + " bytes");
        }
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** SHA-256 of the text (UTF-8), hex: the key a stored vector is found by, so edited text is re-embedded. */
    public static String textHash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
