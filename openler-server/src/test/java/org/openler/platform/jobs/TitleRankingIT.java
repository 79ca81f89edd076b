package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.support.Ontology.occupation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.TitleMapper;
import org.openler.platform.support.Ontology;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The title ranking jobs use, on answers known in advance: "Welder" names 51-4121.00 first; and on a fixed sample of
 * O*NET's "Sample of Reported Titles" (every {@value #EVERY}th row) the ranking used does not rank the gold occupation
 * worse than counting each ESCO suggestion for one O*NET code (MRR@10 and R@1 of the three ways printed). The sample
 * is NOT held out: every reported title in it is also an O*NET alternate title of its gold occupation (docs/jobs.md).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleRankingIT {

    static final int EVERY = 16;
    static final String REPORTED = "/org/openler/data/onet/text/Sample of Reported Titles.txt.gz";

    @Autowired
    Ontology ontology;

    @Autowired
    TitleMapper mapper;

    @Autowired
    TitleSearchSuggester titleSearch;

    @Autowired
    OnetOccupations onet;

    @Autowired
    Competencies competencies;

    @Autowired
    OccupationSuggester suggester;

    @Autowired
    OnetExactTitles exactTitles;

    @BeforeAll
    void ontologyLoadedAndSearchable() throws InterruptedException {
        ontology.searchable(occupation("welder", "onet"), occupation("welder", "esco"));
    }

    @Test
    void welderRanksWeldersCuttersSolderersAndBrazersFirst() {
        for (MappedTitleSuggester.Spread spread : MappedTitleSuggester.Spread.values()) {
            System.out.printf(
                    "Welder, %s: %s%n",
                    spread,
                    new MappedTitleSuggester(mapper, titleSearch, onet, competencies, exactTitles, spread)
                            .suggest("Welder", 5));
        }
        System.out.printf("Welder, O*NET title search alone: %s%n", titleSearch.suggest("Welder", 5));
        List<OccupationSuggestion> suggestions = suggester.suggest("Welder", 5);
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.getFirst().onetCode()).isEqualTo("51-4121.00");
        assertThat(suggestions).extracting(OccupationSuggestion::onetCode).contains("51-2041.00");
    }

    @Test
    void spreadingEscoEvidenceOverTheCrosswalkDoesNotRankHeldOutReportedTitlesWorse() throws IOException {
        List<String[]> sample = reportedTitles();
        double[] was = score(
                new MappedTitleSuggester(
                        mapper, titleSearch, onet, competencies, exactTitles, MappedTitleSuggester.Spread.ONE),
                sample);
        double[] crosswalk = score(
                new MappedTitleSuggester(
                        mapper, titleSearch, onet, competencies, exactTitles, MappedTitleSuggester.Spread.CROSSWALK),
                sample);
        double[] now = score(suggester, sample);
        System.out.printf(
                "Reported titles (%d held out): MRR@10 %.4f (one code) / %.4f (crosswalk) / %.4f (search-informed),"
                        + " R@1 %.4f / %.4f / %.4f%n",
                sample.size(), was[0], crosswalk[0], now[0], was[1], crosswalk[1], now[1]);
        assertThat(now[0]).as("MRR@10 with the spread").isGreaterThanOrEqualTo(was[0] - 0.005);
    }

    private static double[] score(OccupationSuggester ranking, List<String[]> sample) {
        double reciprocal = 0;
        int first = 0;
        for (String[] row : sample) {
            List<OccupationSuggestion> ranked;
            try {
                ranked = ranking.suggest(row[1], 10);
            } catch (RuntimeException e) {
                continue;
            }
            for (int i = 0; i < ranked.size(); i++) {
                if (ranked.get(i).onetCode().equals(row[0])) {
                    reciprocal += 1.0 / (i + 1);
                    first += i == 0 ? 1 : 0;
                    break;
                }
            }
        }
        return new double[] {reciprocal / sample.size(), (double) first / sample.size()};
    }

    private static List<String[]> reportedTitles() throws IOException {
        List<String[]> sample = new ArrayList<>();
        try (InputStream in = TitleRankingIT.class.getResourceAsStream(REPORTED)) {
            assertThat(in).as(REPORTED).isNotNull();
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            lines.readLine();
            int n = 0;
            for (String line; (line = lines.readLine()) != null; n++) {
                String[] cells = line.split("\t");
                if (n % EVERY == 0 && cells.length >= 3) {
                    sample.add(new String[] {cells[0], cells[2]});
                }
            }
        }
        return sample;
    }
}
