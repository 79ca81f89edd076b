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
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.openler.skills.sources.Csv;

/**
 * ESCO's own Spanish labels (openler-data {@code esco/es/}, an older ESCO release joined on the concept URI): a
 * catalogue translated concept by concept, in the same order, so a ranker over it names the same positions as one over
 * the English catalogue. A concept without a Spanish row keeps its English labels.
 */
public final class SpanishLabels {

    static final String SKILLS = "/org/openler/data/esco/es/skills_es.csv.gz";
    static final String OCCUPATIONS = "/org/openler/data/esco/es/occupations_es.csv.gz";

    /** Spanish labels of one concept: the preferred label and the alternative ones. */
    record Labels(String preferred, List<String> alternatives) {}

    private SpanishLabels() {}

    /** The catalogue with each ESCO concept's labels in Spanish (skills and occupations alike). */
    public static Catalogue translate(Catalogue catalogue) {
        Map<String, Labels> spanish = new HashMap<>(read(SKILLS));
        spanish.putAll(read(OCCUPATIONS));
        return translate(catalogue, spanish);
    }

    /** A BM25 ranker (Spanish stemming and stop words) over the catalogue's Spanish labels, same positions. */
    public static LexicalRanker ranker(Catalogue catalogue, SuggestionEngine.Settings settings) {
        return new LexicalRanker(
                translate(catalogue),
                settings.lexicalAlternatives(),
                settings.lexicalAlternativeWeight(),
                new SpanishAnalyzer());
    }

    static Catalogue translate(Catalogue catalogue, Map<String, Labels> spanish) {
        List<Concept> out = new ArrayList<>(catalogue.size());
        for (Concept concept : catalogue.concepts()) {
            Labels labels = spanish.get(concept.uri().toString());
            out.add(
                    labels == null
                            ? new Concept( // its preferred label only: the English ranker has the rest
                                    concept.key(),
                                    concept.uri(),
                                    concept.framework(),
                                    concept.preferredLabel(),
                                    List.of(),
                                    "",
                                    concept.kind())
                            : new Concept(
                                    concept.key(),
                                    concept.uri(),
                                    concept.framework(),
                                    labels.preferred(),
                                    labels.alternatives(),
                                    "",
                                    concept.kind()));
        }
        return new Catalogue(out);
    }

    /** Concept URI → Spanish labels, from one of the bundled files. */
    static Map<String, Labels> read(String resource) {
        try (InputStream in = SpanishLabels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("openler-data is not on the class path: " + resource);
            }
            List<List<String>> rows = Csv.readAll(
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)));
            List<String> header = rows.getFirst();
            int uri = header.indexOf("conceptUri");
            int label = header.indexOf("preferredLabel");
            int alternatives = header.indexOf("altLabels");
            Map<String, Labels> out = new HashMap<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() <= Math.max(label, alternatives)
                        || row.get(label).isBlank()) {
                    continue;
                }
                out.put(
                        row.get(uri),
                        new Labels(
                                row.get(label).strip(),
                                Arrays.stream(row.get(alternatives).split("\n"))
                                        .map(String::strip)
                                        .filter(s -> !s.isEmpty())
                                        .toList()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
