package org.openler.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openler.skills.suggest.Catalogue;
import org.openler.skills.suggest.ConceptFilter;
import org.openler.skills.suggest.EscoCatalogue;
import org.openler.skills.suggest.FileVectorStore;
import org.openler.skills.suggest.LexicalRanker;
import org.openler.skills.suggest.OnnxTextEncoder;
import org.openler.skills.suggest.SemanticRanker;
import org.openler.skills.suggest.SpanishLabels;
import org.openler.skills.suggest.Suggestion;
import org.openler.skills.suggest.SuggestionEngine;
import org.openler.skills.suggest.TitleIndex;
import org.openler.skills.suggest.TitleSuggestion;

/**
 * Latency of one suggestion, as the API and the CLI compute it, single-threaded, sampled (JMH's SampleTime gives the
 * p95): a skill phrase through the shipped engine over all 13,896 ESCO skills (English and Spanish BM25, MiniLM), and
 * a job title through the shipped title mapper over 3,007 ESCO occupations (BM25 and MiniLM). Inputs cycle through fixed lists written here
 * (not the benchmark data). Label vectors are computed once into {@code target/skill-vectors}. Run with {@code
 * scripts/bench-suggest.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class SuggestLatencyBenchmark {

    private static final List<String> PHRASES = List.of(
            "wrote SQL queries against Postgres",
            "Several years of experience with Java and Spring",
            "Able to work well with colleagues as part of a team",
            "Sé soldar con MIG y TIG",
            "customer service and handling complaints",
            "maintain CI pipelines and deploy to Kubernetes",
            "operate a forklift in a warehouse",
            "prepare financial statements and tax returns",
            "teach mathematics to secondary school students",
            "Manejo de Excel y contabilidad básica");
    private static final List<String> TITLES = List.of(
            "CNC machinist",
            "RN – night shift",
            "Ingeniero de software",
            "Senior Java Developer (Remote)",
            "Marketing Executive",
            "Truck driver - night shift",
            "Accounts payable clerk",
            "Enfermera de cuidados generales",
            "Warehouse associate",
            "Head chef");

    private TitleIndex titles;
    private SuggestionEngine engine;
    private OnnxTextEncoder encoder;
    private int next;

    @Setup
    public void setUp() {
        Catalogue catalogue = EscoCatalogue.load(false);
        var settings = SuggestionEngine.Settings.DEFAULT;
        encoder = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 1, false);
        var store = new FileVectorStore(Path.of(System.getProperty("openler.bench.vectors", "target/skill-vectors")));
        titles = TitleIndex.bundled(encoder, store);
        SemanticRanker semantic = SemanticRanker.build(catalogue, settings.semanticTexts(), encoder, store, p -> {});
        engine = new SuggestionEngine(
                catalogue,
                settings,
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight()),
                semantic,
                SpanishLabels.ranker(catalogue, settings));
    }

    @TearDown
    public void tearDown() {
        encoder.close();
    }

    @Benchmark
    public List<Suggestion> skillPhrase() {
        return engine.suggest(PHRASES.get(next++ % PHRASES.size()), 10, ConceptFilter.competencies());
    }

    @Benchmark
    public List<TitleSuggestion> jobTitle() {
        return titles.suggest(TITLES.get(next++ % TITLES.size()), 10);
    }
}
