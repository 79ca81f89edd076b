package org.openler.skills.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openler.skills.sources.Csv;

/** The structural priors of {@link TitleIndex.Prior}, from ESCO and the crosswalk only, each scaled to [0, 1]. */
final class Priors {

    private Priors() {}

    static double[] of(TitleIndex.Prior kind, OccupationCatalogue occupations) {
        Catalogue catalogue = occupations.catalogue();
        double[] prior = new double[catalogue.size()];
        switch (kind) {
            case NONE -> {}
            case LABELS -> {
                for (int c = 0; c < prior.length; c++) {
                    prior[c] = Math.log1p(catalogue.get(c).alternativeLabels().size());
                }
            }
            case ESSENTIAL_SKILLS -> {
                Map<String, Integer> essential = essentialSkills();
                for (int c = 0; c < prior.length; c++) {
                    prior[c] = Math.log1p(
                            essential.getOrDefault(catalogue.get(c).uri().toString(), 0));
                }
            }
            case ONET_EXACT -> {
                Set<String> exact = OccupationCatalogue.crosswalkRows().stream()
                        .filter(row -> row.get(6).strip().equals("exactMatch"))
                        .map(row -> row.get(3).strip())
                        .collect(Collectors.toSet());
                for (int c = 0; c < prior.length; c++) {
                    prior[c] = exact.contains(catalogue.get(c).uri().toString()) ? 1 : 0;
                }
            }
        }
        double max = 0;
        for (double p : prior) {
            max = Math.max(max, p);
        }
        for (int c = 0; c < prior.length && max > 0; c++) {
            prior[c] /= max;
        }
        return prior;
    }

    /** ESCO occupation URI → how many skills ESCO marks essential for it. */
    private static Map<String, Integer> essentialSkills() {
        try (InputStream in = Priors.class.getResourceAsStream(OccupationCatalogue.RELATIONS)) {
            if (in == null) {
                throw new IllegalStateException(
                        "openler-data is not on the class path: " + OccupationCatalogue.RELATIONS);
            }
            ZipInputStream entries = new ZipInputStream(in);
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals("occupationSkillRelations.csv")) {
                    List<List<String>> rows =
                            Csv.readAll(new BufferedReader(new InputStreamReader(entries, StandardCharsets.UTF_8)));
                    int occupation = rows.getFirst().indexOf("occupationUri");
                    int relation = rows.getFirst().indexOf("relationType");
                    Map<String, Integer> count = new HashMap<>();
                    for (List<String> row : rows.subList(1, rows.size())) {
                        if (row.size() > Math.max(occupation, relation)
                                && row.get(relation).equals("essential")) {
                            count.merge(row.get(occupation), 1, Integer::sum);
                        }
                    }
                    return count;
                }
            }
            throw new IllegalStateException("occupationSkillRelations.csv is not in " + OccupationCatalogue.RELATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
