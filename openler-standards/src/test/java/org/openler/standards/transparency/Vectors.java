package org.openler.standards.transparency;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;

/** The published RFC 6962 / RFC 9162 vectors in {@code transparency/rfc6962-vectors.json}. */
final class Vectors {

    static final JsonObject ALL = load();

    private Vectors() {}

    static List<byte[]> leafInputs() {
        return hexes(ALL.getJsonArray("leaves"));
    }

    static byte[] root(int size) {
        return hex(ALL.getJsonArray("roots").getString(size));
    }

    static List<byte[]> hexes(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(s -> hex(s.getString()))
                .toList();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static JsonObject load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/transparency/rfc6962-vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("transparency/rfc6962-vectors.json is missing");
            }
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
