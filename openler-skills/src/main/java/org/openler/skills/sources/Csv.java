package org.openler.skills.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RFC 4180 CSV, streamed: quoted fields may hold commas, quotes ("") and line breaks (ESCO's alternative labels are
 * one per line inside a field). A record is handed over as soon as it is complete, so a large file never sits in
 * memory; CRLF, LF and CR all end a record, and blank lines are skipped. A byte order mark at the start is not part
 * of the first field. A quote left open at the end of the input is an error, not a silently merged last record. The
 * platform's one CSV reader (framework files, the suggestion catalogues, bulk issuance).
 */
public final class Csv {

    private static final int MAX_FIELD = 1 << 20;

    private Csv() {}

    /** Every record of a comma-separated file, for files small enough to hold (a catalogue, an upload). */
    public static List<List<String>> readAll(Reader in) {
        List<List<String>> records = new ArrayList<>();
        read(in, ',', records::add);
        return records;
    }

    public static void read(Reader in, char separator, Consumer<List<String>> records) {
        try {
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            boolean any = false;
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            for (; c != -1; c = in.read()) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        quoted = false;
                        afterQuote = true;
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    if (afterQuote) {
                        field.append('"'); // "" inside quotes
                        quoted = true;
                        afterQuote = false;
                    } else if (field.isEmpty()) {
                        quoted = true;
                    } else {
                        field.append(ch); // a stray quote inside an unquoted field: kept as text
                    }
                    any = true;
                } else if (ch == separator) {
                    record.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    any = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (any || !field.isEmpty()) {
                        record.add(field.toString());
                        records.accept(List.copyOf(record));
                    }
                    record.clear();
                    field.setLength(0);
                    afterQuote = false;
                    any = false;
                } else {
                    field.append(ch);
                    afterQuote = false;
                    any = true;
                }
                if (field.length() > MAX_FIELD) {
                    throw new SourceException("A CSV field is longer than 1 MB.");
                }
            }
            if (quoted) {
                throw new SourceException("The CSV ends inside a quoted field.");
            }
            if (any || !field.isEmpty()) {
                record.add(field.toString());
                records.accept(List.copyOf(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands over each data row as a map from the header's column names (the first record is the header). */
    public static Consumer<List<String>> byHeader(Consumer<Map<String, String>> rows) {
        String[][] header = {null};
        return r -> {
            if (header[0] == null) {
                header[0] = r.toArray(String[]::new);
                return;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header[0].length; i++) {
                row.put(header[0][i], i < r.size() ? r.get(i) : "");
            }
            rows.accept(row);
        };
    }
}
