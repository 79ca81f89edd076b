package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.openler.skills.sources.Csv;

/**
 * What ESCO's own structure says about each skill of a catalogue, aligned with its positions: how many occupations
 * list the skill (essential or optional), its reuse level, whether it is knowledge, and its broader concepts in the
 * skills pillar (skill groups or other skills) with their labels. Read from the ESCO 1.1.1 CSV downloads in
 * openler-data; a concept that is not an ESCO skill gets zeros and no broader concept.
 */
public final class SkillStructure {

    /** ESCO's reuse levels, from the widest to the narrowest. */
    public enum Reuse {
        TRANSVERSAL,
        CROSS_SECTOR,
        SECTOR_SPECIFIC,
        OCCUPATION_SPECIFIC,
        UNKNOWN;

        static Reuse of(String field) {
            return switch (field.strip()) {
                case "transversal" -> TRANSVERSAL;
                case "cross-sector" -> CROSS_SECTOR;
                case "sector-specific" -> SECTOR_SPECIFIC;
                case "occupation-specific" -> OCCUPATION_SPECIFIC;
                default -> UNKNOWN;
            };
        }
    }

    static final String RELATIONS = "/org/openler/data/esco/ESCO dataset - v1.1.1 - classification -  - csv.zip";

    private final int[] essential;
    private final int[] optional;
    private final Reuse[] reuse;
    private final boolean[] knowledge;
    private final int[][] broader;
    private final List<String> broaderLabels;
    private final int[] broaderPosition;

    SkillStructure(
            int[] essential,
            int[] optional,
            Reuse[] reuse,
            boolean[] knowledge,
            int[][] broader,
            List<String> broaderLabels,
            int[] broaderPosition) {
        this.essential = essential;
        this.optional = optional;
        this.reuse = reuse;
        this.knowledge = knowledge;
        this.broader = broader;
        this.broaderLabels = List.copyOf(broaderLabels);
        this.broaderPosition = broaderPosition;
    }

    /** Reads ESCO's relations for the concepts of the catalogue (matched on their URI). */
    public static SkillStructure of(Catalogue catalogue) {
        return of(catalogue, true);
    }

    /**
     * As {@link #of(Catalogue)}; without {@code occupations} the 124,000 occupation–skill relations are not read (the
     * counts stay 0), which is what the engine needs and takes a fraction of the time.
     */
    public static SkillStructure of(Catalogue catalogue, boolean occupations) {
        int n = catalogue.size();
        // every position of a URI: an evaluation catalogue may name one ESCO skill by two labels
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int c = 0; c < n; c++) {
            positions
                    .computeIfAbsent(catalogue.get(c).uri().toString(), k -> new ArrayList<>())
                    .add(c);
        }
        int[] essential = new int[n];
        int[] optional = new int[n];
        Reuse[] reuse = new Reuse[n];
        java.util.Arrays.fill(reuse, Reuse.UNKNOWN);
        boolean[] knowledge = new boolean[n];
        Map<String, String> labels = new HashMap<>();
        zip(EscoCatalogue.ZIP, "skills_en.csv", Csv.byHeader(row -> {
            labels.put(row.get("conceptUri"), row.get("preferredLabel").strip());
            for (int c : positions.getOrDefault(row.get("conceptUri"), List.of())) {
                reuse[c] = Reuse.of(row.get("reuseLevel"));
                knowledge[c] = row.get("skillType").equals("knowledge");
            }
        }));
        zip(
                EscoCatalogue.ZIP,
                "skillGroups_en.csv",
                Csv.byHeader(row -> labels.put(
                        row.get("conceptUri"), row.get("preferredLabel").strip())));
        if (occupations) {
            zip(RELATIONS, "occupationSkillRelations.csv", Csv.byHeader(row -> {
                for (int c : positions.getOrDefault(row.get("skillUri"), List.of())) {
                    if (row.get("relationType").equals("essential")) {
                        essential[c]++;
                    } else {
                        optional[c]++;
                    }
                }
            }));
        }
        Map<String, Integer> broaderIndex = new LinkedHashMap<>();
        List<List<Integer>> up = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            up.add(new ArrayList<>());
        }
        zip(RELATIONS, "broaderRelationsSkillPillar.csv", Csv.byHeader(row -> {
            String label = labels.get(row.get("broaderUri"));
            for (int c : positions.getOrDefault(row.get("conceptUri"), List.of())) {
                if (label != null && !label.isEmpty()) {
                    up.get(c).add(broaderIndex.computeIfAbsent(row.get("broaderUri"), u -> broaderIndex.size()));
                }
            }
        }));
        List<String> broaderLabels = new ArrayList<>();
        int[] broaderPosition = new int[broaderIndex.size()];
        broaderIndex.forEach((uri, b) -> {
            broaderLabels.add(labels.get(uri));
            broaderPosition[b] = positions.getOrDefault(uri, List.of(-1)).getFirst();
        });
        int[][] broader = up.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        return new SkillStructure(essential, optional, reuse, knowledge, broader, broaderLabels, broaderPosition);
    }

    /**
     * Only the reuse-level prior ({@link #reusePrior()}) of the catalogue's concepts, from ESCO's skills file alone:
     * what the engine needs, without the relations.
     */
    public static float[] reusePriorOf(Catalogue catalogue) {
        Map<String, Reuse> levels = reuseLevels();
        Reuse[] reuse = new Reuse[catalogue.size()];
        for (int c = 0; c < reuse.length; c++) {
            reuse[c] = levels.getOrDefault(catalogue.get(c).uri().toString(), Reuse.UNKNOWN);
        }
        return prior(reuse);
    }

    /**
     * Every ESCO skill's reuse level by URI, from a scan of skills_en.csv that keeps only those two columns rather than
     * building every field of the 9.5 MB file (descriptions, labels). Read once per process: the platform builds an
     * engine at each refresh, and the CLI should not pay more at start than it must.
     */
    static Map<String, Reuse> reuseLevels() {
        Map<String, Reuse> levels = reuseLevels;
        if (levels == null) {
            levels = Map.copyOf(readReuseLevels());
            reuseLevels = levels;
        }
        return levels;
    }

    private static volatile @Nullable Map<String, Reuse> reuseLevels;

    private static Map<String, Reuse> readReuseLevels() {
        String text = entry(EscoCatalogue.ZIP, "skills_en.csv");
        int headerEnd = text.indexOf('\n');
        List<String> header = List.of(text.substring(0, headerEnd).strip().split(","));
        int uriColumn = header.indexOf("conceptUri");
        int levelColumn = header.indexOf("reuseLevel");
        Map<String, Reuse> levels = new HashMap<>();
        int column = 0;
        int start = headerEnd + 1;
        boolean quoted = false;
        String uri = null;
        String level = null;
        for (int i = start; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',' || ch == '\n') {
                if (column == uriColumn) {
                    uri = field(text, start, i);
                } else if (column == levelColumn) {
                    level = field(text, start, i);
                }
                column++;
                start = i + 1;
                if (ch == '\n') {
                    if (uri != null && !uri.isEmpty()) {
                        levels.put(uri, Reuse.of(level == null ? "" : level));
                    }
                    column = 0;
                    uri = null;
                    level = null;
                }
            }
        }
        return levels;
    }

    private static String field(String text, int from, int to) {
        String value = text.substring(from, to).strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String entry(String zip, String file) {
        return inEntry(zip, file, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    public int size() {
        return essential.length;
    }

    /** Occupations that list the concept as essential. */
    public int essential(int concept) {
        return essential[concept];
    }

    /** Occupations that list the concept as optional. */
    public int optional(int concept) {
        return optional[concept];
    }

    public Reuse reuse(int concept) {
        return reuse[concept];
    }

    public boolean knowledge(int concept) {
        return knowledge[concept];
    }

    /** Positions, in {@link #broaderLabels()}, of the concept's broader concepts. */
    public int[] broader(int concept) {
        return broader[concept].clone();
    }

    /** The catalogue position of a broader concept that is itself in the catalogue (a skill), or −1 (a group). */
    public int broaderPosition(int broader) {
        return broaderPosition[broader];
    }

    /**
     * For each concept, the catalogue positions of its narrower concepts: those whose broader concept in the skills
     * pillar is this concept (a skill; skill groups are not in the catalogue).
     */
    public int[][] narrower() {
        List<List<Integer>> down = new ArrayList<>();
        for (int c = 0; c < size(); c++) {
            down.add(new ArrayList<>());
        }
        for (int c = 0; c < size(); c++) {
            for (int b : broader[c]) {
                int p = broaderPosition[b];
                if (p >= 0 && p != c) {
                    down.get(p).add(c);
                }
            }
        }
        return down.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
                .toArray(int[][]::new);
    }

    /** Labels of every broader concept that some concept of the catalogue has, by position. */
    public List<String> broaderLabels() {
        return broaderLabels;
    }

    /**
     * A prior in [0, 1]: log(1 + occupations that list the concept, optional ones counting {@code optionalWeight})
     * over the catalogue's largest. Skills many occupations need are the ones job ads name.
     */
    public float[] occupationPrior(double optionalWeight) {
        float[] prior = new float[size()];
        double max = 0;
        for (int c = 0; c < prior.length; c++) {
            prior[c] = (float) Math.log1p(essential[c] + optionalWeight * optional[c]);
            max = Math.max(max, prior[c]);
        }
        for (int c = 0; c < prior.length; c++) {
            prior[c] = max > 0 ? (float) (prior[c] / max) : 0;
        }
        return prior;
    }

    /** A prior in [0, 1] by reuse level: transversal 1, cross-sector 2/3, sector-specific 1/3, otherwise 0. */
    public float[] reusePrior() {
        return prior(reuse);
    }

    private static float[] prior(Reuse[] reuse) {
        float[] prior = new float[reuse.length];
        for (int c = 0; c < prior.length; c++) {
            prior[c] = switch (reuse[c]) {
                case TRANSVERSAL -> 1f;
                case CROSS_SECTOR -> 2f / 3;
                case SECTOR_SPECIFIC -> 1f / 3;
                case OCCUPATION_SPECIFIC, UNKNOWN -> 0f;
            };
        }
        return prior;
    }

    private static void zip(String zip, String file, Consumer<List<String>> records) {
        inEntry(zip, file, in -> {
            Csv.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), ',', records);
            return null;
        });
    }

    private interface EntryReader<T> {
        T read(InputStream entry) throws IOException;
    }

    /** Reads one file of a zip on openler-data's class path. */
    private static <T> T inEntry(String zip, String file, EntryReader<T> reader) {
        try (InputStream in = SkillStructure.class.getResourceAsStream(zip)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + zip);
            }
            ZipInputStream entries = new ZipInputStream(in);
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals(file)) {
                    return reader.read(entries);
                }
            }
            throw new IllegalStateException(file + " is not in " + zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
