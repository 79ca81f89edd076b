package org.openler.skills.suggest;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Vectors in an append-only file per model (the CLI's and the evaluation's store). Each batch is appended and flushed
 * as it is saved, so an interrupted run keeps what it computed; a torn last record is cut off on reading.
 */
public final class FileVectorStore implements VectorStore {

    private final Path directory;
    private final Map<String, Map<TextKey, float[]>> loaded = new HashMap<>();

    public FileVectorStore(Path directory) {
        this.directory = directory;
    }

    private Path file(String modelId) {
        return directory.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
    }

    private synchronized Map<TextKey, float[]> vectors(String modelId) {
        return loaded.computeIfAbsent(modelId, id -> {
            Map<TextKey, float[]> vectors = new HashMap<>();
            Path file = file(id);
            if (!Files.exists(file)) {
                return vectors;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                var in = new DataInputStream(new ByteArrayInputStream(bytes));
                int good = 0;
                try {
                    while (in.available() > 0) {
                        String concept = in.readUTF();
                        String hash = in.readUTF();
                        float[] vector = new float[in.readInt()];
                        for (int i = 0; i < vector.length; i++) {
                            vector[i] = in.readFloat();
                        }
                        vectors.put(new TextKey(concept, hash), vector);
                        good = bytes.length - in.available();
                    }
                } catch (EOFException | UTFDataFormatException | NegativeArraySizeException torn) {
                    // an interrupted write left half a record: cut it off, or later appends would be unreadable
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(good);
                    }
                }
                return vectors;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Map<TextKey, float[]> find(String modelId, Collection<TextKey> keys) {
        Map<TextKey, float[]> all = vectors(modelId);
        Map<TextKey, float[]> found = new HashMap<>();
        for (TextKey key : keys) {
            float[] vector = all.get(key);
            if (vector != null) {
                found.put(key, vector);
            }
        }
        return found;
    }

    @Override
    public synchronized void save(String modelId, Map<TextKey, float[]> vectors) {
        Map<TextKey, float[]> all = vectors(modelId);
        try {
            Files.createDirectories(directory);
            try (var out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(file(modelId), StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (var entry : vectors.entrySet()) {
                    if (all.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                        continue;
                    }
                    out.writeUTF(entry.getKey().concept());
                    out.writeUTF(entry.getKey().textHash());
                    out.writeInt(entry.getValue().length);
                    for (float v : entry.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
