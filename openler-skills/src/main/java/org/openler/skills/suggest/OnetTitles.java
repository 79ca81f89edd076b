package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * O*NET 29.3's job titles — each O*NET-SOC occupation's own title, its alternate and short titles ("Account Exec",
 * "Admin Assistant") and the titles incumbents reported — as extra synonyms of the ESCO occupations the ESCO–O*NET
 * crosswalk links to that O*NET occupation. They read like what job boards carry, which ESCO's labels often do not.
 * The link's strength travels with it: an exact match passes the titles on in full, a close or broader/narrower match
 * less (how much is a setting of {@link TitleIndex}).
 *
 * @param codes one concept per O*NET-SOC occupation that has titles and crosswalk links: key the code, preferred
 *     label the O*NET title, alternative labels the other titles
 * @param links for each O*NET occupation (by position in {@code codes}), the ESCO occupations it is linked to
 */
record OnetTitles(Catalogue codes, List<List<Link>> links) {

    static final String ALTERNATE = "/org/openler/data/onet/converted-from-xlsx/Alternate Titles.txt.gz";
    static final String REPORTED = "/org/openler/data/onet/text/Sample of Reported Titles.txt.gz";
    static final String OCCUPATIONS = "/org/openler/data/onet/text/Occupation Data.txt.gz";

    /** The crosswalk's kinds of match, strongest first. */
    enum Match {
        EXACT,
        CLOSE,
        BROAD_OR_NARROW
    }

    /** An ESCO occupation (its position in the occupation catalogue) that an O*NET occupation is linked to. */
    record Link(int occupation, Match match) {}

    OnetTitles {
        links = links.stream().map(List::copyOf).toList();
        if (links.size() != codes.size()) {
            throw new IllegalArgumentException("One list of links per O*NET occupation");
        }
    }

    /** From openler-data, linked to the positions of the given ESCO occupations. */
    static OnetTitles bundled(Catalogue occupations) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < occupations.size(); i++) {
            position.put(occupations.get(i).uri().toString(), i);
        }
        Map<String, List<Link>> linksByCode = new LinkedHashMap<>();
        for (List<String> row : OccupationCatalogue.crosswalkRows()) {
            Match match = switch (row.get(6).strip()) {
                case "exactMatch" -> Match.EXACT;
                case "closeMatch" -> Match.CLOSE;
                case "broadMatch", "narrowMatch" -> Match.BROAD_OR_NARROW;
                default -> null; // exactISCO: an ISCO group, not an occupation
            };
            Integer at = position.get(row.get(3).strip());
            if (match != null && at != null) {
                linksByCode
                        .computeIfAbsent(row.get(0).strip(), k -> new ArrayList<>())
                        .add(new Link(at, match));
            }
        }
        Map<String, String> titleOf = new HashMap<>();
        for (List<String> row : table(OCCUPATIONS)) {
            titleOf.put(row.get(0), row.get(1));
        }
        Map<String, Set<String>> titles = new HashMap<>();
        for (List<String> row : table(ALTERNATE)) {
            Set<String> set = titles.computeIfAbsent(row.get(0), k -> new LinkedHashSet<>());
            addForms(set, row.get(2));
            if (row.size() > 3) {
                addForms(set, row.get(3));
            }
        }
        for (List<String> row : table(REPORTED)) {
            addForms(titles.computeIfAbsent(row.get(0), k -> new LinkedHashSet<>()), row.get(2));
        }
        List<Concept> codes = new ArrayList<>();
        List<List<Link>> links = new ArrayList<>();
        for (var entry : linksByCode.entrySet()) {
            String code = entry.getKey();
            String title = titleOf.get(code);
            if (title == null) {
                continue;
            }
            codes.add(new Concept(
                    code,
                    URI.create("https://www.onetonline.org/link/summary/" + code),
                    "O*NET",
                    title,
                    titles.getOrDefault(code, Set.of()).stream()
                            .filter(t -> !t.isBlank())
                            .toList(),
                    "",
                    ConceptKind.OCCUPATION));
            links.add(entry.getValue());
        }
        return new OnetTitles(new Catalogue(codes), links);
    }

    /**
     * A title and, where it has a bracketed part ("Administrative Clerk (Admin Clerk)", "CEO (Chief Executive
     * Officer)"), the title without it and the bracketed part on its own: each is a way people write the title, and
     * a title typed exactly so should match exactly.
     */
    static void addForms(Set<String> titles, String title) {
        titles.add(title.strip());
        Matcher bracket = BRACKET.matcher(title);
        if (bracket.find()) {
            titles.add(BRACKET.matcher(title)
                    .replaceAll(" ")
                    .replaceAll("\\s+", " ")
                    .strip());
            bracket.reset();
            while (bracket.find()) {
                titles.add(bracket.group(1).strip());
            }
        }
        titles.remove("");
    }

    private static final Pattern BRACKET = Pattern.compile("\\(([^)]*)\\)");

    /** A tab-separated O*NET file without its header row. */
    private static List<List<String>> table(String resource) {
        try (InputStream in = OnetTitles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + resource);
            }
            List<List<String>> rows = new ArrayList<>();
            try (var reader =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                reader.readLine();
                for (String line; (line = reader.readLine()) != null; ) {
                    List<String> cells = List.of(line.split("\t", -1));
                    if (cells.size() >= 3) {
                        rows.add(cells);
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
