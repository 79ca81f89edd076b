package org.openler.platform.skills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.openler.skills.sources.Csv;
import org.openler.skills.sources.OnetReader;
import org.springframework.stereotype.Component;

/**
 * The label a person reads for a skill or occupation, in the page's language: on a Spanish page ESCO's own Spanish
 * preferred label (openler-data {@code esco/es/}, 96 % of ESCO 1.1.1's skills and occupations) where ESCO has one,
 * and the English label otherwise. An O*NET occupation (O*NET has no Spanish titles) gets the Spanish label of its
 * ESCO counterpart only where the ESCO–O*NET crosswalk calls exactly one ESCO occupation an {@code exactMatch}; close,
 * broad and narrow matches (and {@code exactISCO}, a whole ISCO group) would name a different job, so those keep the
 * O*NET title. NICE, state frameworks and O*NET skills have no Spanish labels and stay as they are.
 *
 * <p>Loaded once at start-up from the bundled files, no database: ESCO's concept URIs end in a UUID, so the table is
 * two sorted {@code long} arrays and the labels (about 16,400), searched by halves; a lookup costs no query, so a page
 * of fifty chips asks fifty times. Pages call it as {@code ${@skillLabels.of(uri, englishLabel, #locale)}}. The
 * stored data and the JSON APIs keep the English labels, except where an API already answers in the reader's
 * language (the learner's match).
 */
@Component("skillLabels")
public class SkillLabels {

    static final String SKILLS = "/org/openler/data/esco/es/skills_es.csv.gz";
    static final String OCCUPATIONS = "/org/openler/data/esco/es/occupations_es.csv.gz";
    static final String CROSSWALK = "/org/openler/data/crosswalks/esco-onet/crosswalk_esco_onet.csv.gz";

    private static final String ESCO = "://data.europa.eu/esco/";
    private static final Pattern ONET_CODE = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");

    private final long[] high;
    private final long[] low;
    private final String[] spanish;

    /** O*NET occupation URI → the Spanish label of its one exact ESCO match. */
    private final Map<String, String> onet;

    public SkillLabels() {
        List<Entry> entries = new ArrayList<>(16_500);
        read(SKILLS, entries);
        read(OCCUPATIONS, entries);
        entries.sort((a, b) -> a.id().compareTo(b.id()));
        int n = 0;
        long[] high = new long[entries.size()];
        long[] low = new long[entries.size()];
        String[] spanish = new String[entries.size()];
        for (Entry e : entries) {
            if (n > 0
                    && high[n - 1] == e.id().getMostSignificantBits()
                    && low[n - 1] == e.id().getLeastSignificantBits()) {
                continue; // one concept, one label: the first row wins
            }
            high[n] = e.id().getMostSignificantBits();
            low[n] = e.id().getLeastSignificantBits();
            spanish[n] = e.label();
            n++;
        }
        this.high = Arrays.copyOf(high, n);
        this.low = Arrays.copyOf(low, n);
        this.spanish = Arrays.copyOf(spanish, n);
        this.onet = exactMatches();
    }

    /** Whether pages in this language show other labels than the stored English ones. */
    public static boolean spanish(@Nullable Locale locale) {
        return locale != null && "es".equals(locale.getLanguage());
    }

    /** The label to show: the Spanish one for a Spanish reader where there is one, else {@code english}. */
    public String label(@Nullable URI uri, String english, @Nullable Locale locale) {
        return uri == null ? english : label(uri.toString(), english, locale);
    }

    /** As {@link #label(URI, String, Locale)}, for a URI held as text (a credential's alignment, a view's field). */
    public String label(@Nullable String uri, String english, @Nullable Locale locale) {
        if (!spanish(locale) || uri == null) {
            return english;
        }
        return spanish(uri).orElse(english);
    }

    /**
     * For templates, whatever the URI's type and even when something is missing: {@code ${@skillLabels.of(s.uri(),
     * s.label(), #locale)}}.
     */
    public String of(@Nullable Object uri, @Nullable String english, @Nullable Locale locale) {
        String fallback = english == null ? "" : english;
        return uri == null ? fallback : label(uri.toString(), fallback, locale);
    }

    /**
     * The label of an occupation known by its O*NET-SOC code (as jobs and the matching pages name O*NET occupations)
     * or by its URI; anything else (a job's id) keeps {@code english}.
     */
    public String occupation(@Nullable String codeOrUri, String english, @Nullable Locale locale) {
        if (codeOrUri == null) {
            return english;
        }
        return label(
                ONET_CODE.matcher(codeOrUri).matches() ? OnetReader.occupationUri(codeOrUri) : codeOrUri,
                english,
                locale);
    }

    /** ESCO's Spanish preferred label of a concept, or of an O*NET occupation's one exact ESCO match. */
    public Optional<String> spanish(String uri) {
        String viaCrosswalk = onet.get(uri);
        if (viaCrosswalk != null) {
            return Optional.of(viaCrosswalk);
        }
        UUID id = escoId(uri);
        if (id == null) {
            return Optional.empty();
        }
        int at = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        return at < 0 ? Optional.empty() : Optional.of(spanish[at]);
    }

    /** Many URIs at once (one pass over the in-memory table, no query): URI → label to show, in the given order. */
    public Map<String, String> labels(Map<String, String> englishByUri, @Nullable Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        englishByUri.forEach((uri, english) -> out.put(uri, label(uri, english, locale)));
        return out;
    }

    /** How many ESCO concepts have a Spanish label, and how many O*NET occupations get one through the crosswalk. */
    public int size() {
        return spanish.length;
    }

    public int onetSize() {
        return onet.size();
    }

    private int find(long h, long l) {
        int from = 0;
        int to = high.length - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int c = Long.compare(high[mid], h);
            if (c == 0) {
                c = Long.compare(low[mid], l);
            }
            if (c < 0) {
                from = mid + 1;
            } else if (c > 0) {
                to = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The UUID an ESCO concept URI ends in (http or https), or null for any other URI. */
    static @Nullable UUID escoId(String uri) {
        int scheme = uri.indexOf(ESCO);
        if (scheme < 0 || scheme > 5 || uri.length() < 36) {
            return null;
        }
        try {
            return UUID.fromString(uri.substring(uri.length() - 36));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Entry(UUID id, String label) {}

    private static void read(String resource, List<Entry> entries) {
        int[] columns = {-1, -1};
        try (BufferedReader in = open(resource)) {
            Csv.read(in, ',', row -> {
                if (columns[0] < 0) {
                    columns[0] = row.indexOf("conceptUri");
                    columns[1] = row.indexOf("preferredLabel");
                    return;
                }
                if (row.size() <= Math.max(columns[0], columns[1])) {
                    return;
                }
                String label = row.get(columns[1]).strip();
                UUID id = escoId(row.get(columns[0]).strip());
                if (id != null && !label.isEmpty()) {
                    entries.add(new Entry(id, label));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** O*NET occupation URI → the Spanish label of the only ESCO occupation the crosswalk says it exactly matches. */
    private Map<String, String> exactMatches() {
        Map<String, Set<String>> exact = new HashMap<>();
        boolean[] table = {false};
        try (BufferedReader in = open(CROSSWALK)) {
            Csv.read(in, ',', row -> {
                if (!table[0]) {
                    table[0] = !row.isEmpty() && row.getFirst().strip().equals("O*NET Id");
                    return;
                }
                if (row.size() >= 7 && row.get(6).strip().equals("exactMatch")) {
                    exact.computeIfAbsent(row.get(0).strip(), k -> new LinkedHashSet<>())
                            .add(row.get(3).strip());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new HashMap<>();
        exact.forEach((code, esco) -> {
            if (esco.size() == 1) { // two exact matches would be two jobs: no one Spanish name
                UUID id = escoId(esco.iterator().next());
                int at = id == null ? -1 : find(id.getMostSignificantBits(), id.getLeastSignificantBits());
                if (at >= 0) {
                    out.put(OnetReader.occupationUri(code), spanish[at]);
                }
            }
        });
        return Map.copyOf(out);
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream in = SkillLabels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("openler-data is not on the class path: " + resource);
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    }
}
