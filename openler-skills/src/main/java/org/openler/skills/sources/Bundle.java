package org.openler.skills.sources;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of one framework, read from the classpath ({@code openler-data}) or given as bytes, with one SHA-256 over
 * every byte read, in order: the content hash that makes a re-import of the same content a no-op.
 */
public final class Bundle {

    public static final String DATA = "org/openler/data/";

    private final MessageDigest digest;

    public Bundle() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw bytes of a resource under {@code org/openler/data/}, counted in the hash. */
    public byte[] bytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts given bytes (an upload) in the hash. */
    public byte[] counted(byte[] bytes) {
        digest.update(bytes);
        return bytes;
    }

    /** Reads a resource's records, tab- or comma-separated; {@code .gz} resources are unzipped on the way. */
    public void records(String path, char separator, Consumer<List<String>> records) {
        try (InputStream raw = open(path);
                InputStream in = path.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            if (separator == '\t') {
                tabs(in, records);
            } else {
                Csv.read(
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16),
                        separator,
                        records);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the records of one CSV member of a zip resource. */
    public void zipRecords(String path, String member, Consumer<List<String>> records) {
        try (ZipInputStream zip = new ZipInputStream(open(path))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(member)) {
                    Csv.read(
                            new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8), 1 << 16),
                            ',',
                            records);
                    return;
                }
            }
            throw new SourceException("No " + member + " in " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash of everything read so far. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * O*NET's text files: tab-separated, no quoting, one record per line. (Tabs never occur inside its values, and a
     * double quote is just a character, as in "Bachelor's degree".)
     */
    private static void tabs(InputStream in, Consumer<List<String>> records) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isEmpty()) {
                records.accept(List.of(line.split("\t", -1)));
            }
        }
    }

    private InputStream open(String path) {
        InputStream in = Bundle.class.getClassLoader().getResourceAsStream(DATA + path);
        if (in == null) {
            throw new SourceException("No bundled resource " + DATA + path);
        }
        return new DigestInputStream(in, digest);
    }

    /** An upload's bytes as a stream, counted in the hash. */
    public InputStream stream(byte[] bytes) {
        return new DigestInputStream(new ByteArrayInputStream(bytes), digest);
    }
}
