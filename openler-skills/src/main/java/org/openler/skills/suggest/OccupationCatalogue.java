package org.openler.skills.suggest;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openler.skills.sources.Csv;

/**
 * ESCO 1.1.1's 3,007 occupations as the catalogue job titles are mapped onto — preferred, alternative and hidden
 * labels (hidden labels are the misspellings and jargon people type) — each with the O*NET-SOC 2019 occupation the
 * ESCO–O*NET crosswalk names for it. Where the crosswalk has no row for an occupation, the nearest broader ESCO
 * occupation or ISCO group that has one is used (ISCO unit groups carry {@code exactISCO} rows).
 *
 * @param onet the O*NET-SOC code of each concept, by position; empty where even the ISCO tree has none
 */
public record OccupationCatalogue(Catalogue catalogue, List<String> onet) {

    static final String RELATIONS = "/org/openler/data/esco/ESCO dataset - v1.1.1 - classification -  - csv.zip";
    static final String CROSSWALK = "/org/openler/data/crosswalks/esco-onet/crosswalk_esco_onet.csv.gz";

    public OccupationCatalogue {
        onet = List.copyOf(onet);
        if (onet.size() != catalogue.size()) {
            throw new IllegalArgumentException("One O*NET code (or none) per occupation");
        }
    }

    /** From the files bundled in openler-data. */
    public static OccupationCatalogue bundled() {
        List<List<String>> rows = zipEntry(EscoCatalogue.ZIP, "occupations_en.csv");
        List<String> header = rows.getFirst();
        int uri = header.indexOf("conceptUri");
        int label = header.indexOf("preferredLabel");
        int alternatives = header.indexOf("altLabels");
        int hidden = header.indexOf("hiddenLabels");
        int description = header.indexOf("description");
        List<Concept> concepts = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < header.size() || row.get(label).isBlank()) {
                continue;
            }
            List<String> labels = Stream.concat(
                            Arrays.stream(row.get(alternatives).split("\n")),
                            Arrays.stream(row.get(hidden).split("\n")))
                    .toList();
            concepts.add(new Concept(
                    row.get(uri),
                    URI.create(row.get(uri)),
                    EscoCatalogue.FRAMEWORK,
                    row.get(label).strip(),
                    labels,
                    row.get(description),
                    ConceptKind.OCCUPATION));
        }
        Map<String, String> direct = crosswalk();
        Map<String, String> broader = new HashMap<>();
        List<List<String>> relations = zipEntry(RELATIONS, "broaderRelationsOccPillar.csv");
        int narrow = relations.getFirst().indexOf("conceptUri");
        int wide = relations.getFirst().indexOf("broaderUri");
        for (List<String> row : relations.subList(1, relations.size())) {
            broader.putIfAbsent(row.get(narrow), row.get(wide));
        }
        List<String> onet = new ArrayList<>();
        for (Concept concept : concepts) {
            String code = "";
            String at = concept.uri().toString();
            for (int hops = 0; hops < 12 && at != null; hops++) {
                String found = direct.get(at);
                if (found != null) {
                    code = found;
                    break;
                }
                at = broader.get(at);
            }
            onet.add(code);
        }
        return new OccupationCatalogue(new Catalogue(concepts), onet);
    }

    /**
     * ESCO or ISCO URI → the O*NET code of its strongest match: exact, then close, then the narrower O*NET occupation,
     * then the broader one; the crosswalk's first row among equals.
     */
    static Map<String, String> crosswalk() {
        List<String> strength = List.of("exactMatch", "exactISCO", "closeMatch", "narrowMatch", "broadMatch");
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        for (List<String> row : crosswalkRows()) {
            int r = strength.indexOf(row.get(6).strip());
            if (r < 0) {
                continue;
            }
            String target = row.get(3).strip();
            if (r < rank.getOrDefault(target, Integer.MAX_VALUE)) {
                rank.put(target, r);
                best.put(target, row.get(0).strip());
            }
        }
        return best;
    }

    /**
     * The crosswalk's mapping rows: O*NET code, O*NET title, O*NET description, ESCO or ISCO URI, its title, its
     * description, type of match.
     */
    static List<List<String>> crosswalkRows() {
        try (InputStream in = OccupationCatalogue.class.getResourceAsStream(CROSSWALK)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + CROSSWALK);
            }
            List<List<String>> rows = Csv.readAll(
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)));
            int start = 0;
            while (start < rows.size() && !rows.get(start).getFirst().equals("O*NET Id")) {
                start++;
            }
            return rows.subList(Math.min(rows.size(), start + 1), rows.size()).stream()
                    .filter(row -> row.size() >= 7 && !row.get(0).isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> zipEntry(String zip, String file) {
        try (InputStream in = OccupationCatalogue.class.getResourceAsStream(zip)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + zip);
            }
            ZipInputStream entries = new ZipInputStream(in);
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals(file)) {
                    return Csv.readAll(new BufferedReader(new InputStreamReader(entries, StandardCharsets.UTF_8)));
                }
            }
            throw new IllegalStateException(file + " is not in " + zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
