package org.openler.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.LabelSearch;
import org.openler.platform.skills.load.BundledFrameworks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bundled skills ontology for tests that search it: stored (once per test database; later calls find it) and
 * read by the label search, whose index is built in the background.
 */
@Component
public class Ontology {

    private final BundledFrameworks bundled;
    private final LabelSearch search;
    private final Competencies competencies;
    private final JdbcClient jdbc;

    Ontology(BundledFrameworks bundled, LabelSearch search, Competencies competencies, JdbcClient jdbc) {
        this.bundled = bundled;
        this.search = search;
        this.competencies = competencies;
        this.jdbc = jdbc;
    }

    /** A competency by its URI and the label people read. */
    public record Skill(URI uri, String label) {}

    /**
     * Loads the bundled frameworks and waits, at most five minutes, until the label search is ready and finds
     * something for each probe, in order.
     */
    @SafeVarargs
    public final void searchable(Predicate<LabelSearch>... probes) throws InterruptedException {
        bundled.loadAll();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!(search.ready() && Stream.of(probes).allMatch(probe -> probe.test(search)))) {
            assertThat(Instant.now()).as("the label search reads the ontology").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    /** The label search finds an occupation of the framework ({@code onet}, {@code esco}) for the text. */
    public static Predicate<LabelSearch> occupation(String text, String framework) {
        return search -> !search.occupations(text, framework, 1).isEmpty();
    }

    /** The label search finds a competency for the text. */
    public static Predicate<LabelSearch> competency(String text) {
        return search -> !search.competencies(text, 1).isEmpty();
    }

    /**
     * An ESCO skill picked at random, so that no other test's learners are likely to hold it, which the label search
     * finds by its own label (not every label is found among the first eight); tried up to 50 times.
     */
    public Skill aRareSkillTheSearchFinds() {
        Skill found = null;
        for (int i = 0; i < 50 && found == null; i++) {
            URI candidate = URI.create(jdbc.sql("select uri from skill_competency"
                            + " where uri like 'http://data.europa.eu/esco/skill/%' order by random() limit 1")
                    .query(String.class)
                    .single());
            String label = competencies.byUri(candidate).orElseThrow().label();
            if (search.competencies(label, 8).stream().anyMatch(h -> h.uri().equals(candidate))) {
                found = new Skill(candidate, label);
            }
        }
        assertThat(found).as("a skill the label search finds").isNotNull();
        return found;
    }
}
