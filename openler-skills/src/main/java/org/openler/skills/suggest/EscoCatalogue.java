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
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openler.skills.sources.Csv;

/**
 * ESCO 1.1.1 skills and occupations straight from the CSV download bundled in {@code openler-data}: the catalogue of
 * the CLI and the evaluation, which must not need a database. The platform fills its catalogue from the ontology
 * tables instead.
 */
public final class EscoCatalogue {

    public static final String FRAMEWORK = "esco";
    static final String ZIP = "/org/openler/data/esco/ESCO dataset - v1.1.1 - classification - en - csv.zip";

    private EscoCatalogue() {}

    /** Every ESCO skill (skill/competence and knowledge) and, if asked, every occupation. */
    public static Catalogue load(boolean occupations) {
        List<Concept> concepts = new ArrayList<>(read("skills_en.csv", ConceptKind.COMPETENCY));
        if (occupations) {
            concepts.addAll(read("occupations_en.csv", ConceptKind.OCCUPATION));
        }
        return new Catalogue(concepts);
    }

    private static List<Concept> read(String file, ConceptKind kind) {
        try (InputStream zip = EscoCatalogue.class.getResourceAsStream(ZIP)) {
            if (zip == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + ZIP);
            }
            ZipInputStream entries = new ZipInputStream(zip);
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals(file)) {
                    var reader = new BufferedReader(new InputStreamReader(entries, StandardCharsets.UTF_8));
                    return concepts(Csv.readAll(reader), kind);
                }
            }
            throw new IllegalStateException(file + " is not in " + ZIP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Concept> concepts(List<List<String>> rows, ConceptKind kind) {
        List<String> header = rows.getFirst();
        int uri = header.indexOf("conceptUri");
        int label = header.indexOf("preferredLabel");
        int alternatives = header.indexOf("altLabels");
        int description = header.indexOf("description");
        List<Concept> concepts = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < header.size() || row.get(label).isBlank()) {
                continue;
            }
            concepts.add(new Concept(
                    row.get(uri),
                    URI.create(row.get(uri)),
                    FRAMEWORK,
                    row.get(label).strip(),
                    Arrays.asList(row.get(alternatives).split("\n")),
                    row.get(description),
                    kind));
        }
        return concepts;
    }
}
