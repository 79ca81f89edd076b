package org.openler.platform.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * O*NET's own answer to a title: the occupations whose title, alternate title or short title is exactly the typed one
 * (case and spacing aside), from openler-data's {@code Occupation Data} and {@code Alternate Titles}, read once on
 * first use. "Welder" is an alternate title of 51-4121.00 only; the lexical search ranks it below ESCO labels carried
 * through the crosswalk, so the title ranking counts an exact title as the strongest search evidence.
 */
@Component
class OnetExactTitles {

    static final String OCCUPATIONS = "/org/openler/data/onet/text/Occupation Data.txt.gz";
    static final String ALTERNATES = "/org/openler/data/onet/converted-from-xlsx/Alternate Titles.txt.gz";

    private volatile @Nullable Map<String, List<String>> byTitle;

    /** The O*NET-SOC codes with exactly this title; none when no occupation has it. */
    List<String> codes(String title) {
        return index().getOrDefault(normal(title), List.of());
    }

    static String normal(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Map<String, List<String>> index() {
        Map<String, List<String>> current = byTitle;
        if (current == null) {
            synchronized (this) {
                current = byTitle;
                if (current == null) {
                    current = load();
                    byTitle = current;
                }
            }
        }
        return current;
    }

    private static Map<String, List<String>> load() {
        Map<String, Set<String>> titles = new HashMap<>();
        for (String[] row : rows(OCCUPATIONS)) {
            add(titles, row, 1);
        }
        for (String[] row : rows(ALTERNATES)) {
            add(titles, row, 2);
            add(titles, row, 3);
        }
        Map<String, List<String>> out = new HashMap<>();
        titles.forEach((title, codes) -> out.put(title, List.copyOf(codes)));
        return Map.copyOf(out);
    }

    private static void add(Map<String, Set<String>> titles, String[] row, int column) {
        if (row.length > column
                && !row[column].isBlank()
                && JobInput.ONET_CODE.matcher(row[0]).matches()) {
            titles.computeIfAbsent(normal(row[column]), k -> new LinkedHashSet<>())
                    .add(row[0]);
        }
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = OnetExactTitles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + resource);
            }
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            lines.readLine(); // the header
            List<String[]> rows = new java.util.ArrayList<>();
            for (String line; (line = lines.readLine()) != null; ) {
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
