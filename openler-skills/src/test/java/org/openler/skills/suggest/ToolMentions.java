package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * O*NET's technology-skill examples (openler-data {@code onet/text/Technology Skills.txt.gz}: "PostgreSQL",
 * "Microsoft Excel", each under a UNSPSC commodity such as "Spreadsheet software"): finds which commodities a text
 * names through their example products. A product is found by its full name, or without its vendor's name (a first
 * word that starts at least three products: "Microsoft", "Oracle"); a one-word name is skipped if it is an ordinary
 * word of ESCO's labels ("Word", "Access", "Project"), which would fire on every sentence.
 */
final class ToolMentions {

    static final String FILE = "/org/openler/data/onet/text/Technology Skills.txt.gz";

    private final List<String> commodities;
    private final Map<String, List<Variant>> byFirstToken;

    private record Variant(String[] tokens, int commodity) {}

    private ToolMentions(List<String> commodities, Map<String, List<Variant>> byFirstToken) {
        this.commodities = commodities;
        this.byFirstToken = byFirstToken;
    }

    /** @param commonWords lower-case words too ordinary to stand alone for a product */
    static ToolMentions read(Set<String> commonWords) {
        Map<String, Integer> commodityIndex = new LinkedHashMap<>();
        Map<String, Integer> productCommodity = new LinkedHashMap<>();
        try (InputStream in = ToolMentions.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + FILE);
            }
            var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length < 5) {
                    continue;
                }
                int commodity = commodityIndex.computeIfAbsent(f[4].strip(), k -> commodityIndex.size());
                productCommodity.putIfAbsent(f[2].strip(), commodity);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> firstWords = new HashMap<>();
        for (String product : productCommodity.keySet()) {
            String[] t = tokens(product);
            if (t.length > 1) {
                firstWords.merge(t[0], 1, Integer::sum);
            }
        }
        Map<String, List<Variant>> byFirst = new HashMap<>();
        Set<String> seen = new TreeSet<>();
        productCommodity.forEach((product, commodity) -> {
            String[] t = tokens(product);
            List<String[]> variants = new ArrayList<>();
            variants.add(t);
            if (t.length > 1 && firstWords.getOrDefault(t[0], 0) >= 3) {
                variants.add(Arrays.copyOfRange(t, 1, t.length));
            }
            for (String[] v : variants) {
                if (v.length == 0 || (v.length == 1 && (commonWords.contains(v[0]) || v[0].length() < 2))) {
                    continue;
                }
                if (seen.add(String.join(" ", v) + "\t" + commodity)) {
                    byFirst.computeIfAbsent(v[0], k -> new ArrayList<>()).add(new Variant(v, commodity));
                }
            }
        });
        return new ToolMentions(List.copyOf(commodityIndex.keySet()), byFirst);
    }

    List<String> commodities() {
        return commodities;
    }

    /** The commodities whose products the text names. */
    Set<Integer> in(String text) {
        String[] t = tokens(text);
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < t.length; i++) {
            for (Variant v : byFirstToken.getOrDefault(t[i], List.of())) {
                if (i + v.tokens().length <= t.length
                        && Arrays.equals(v.tokens(), Arrays.copyOfRange(t, i, i + v.tokens().length))) {
                    found.add(v.commodity());
                }
            }
        }
        return found;
    }

    static String[] tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+"))
                .filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
