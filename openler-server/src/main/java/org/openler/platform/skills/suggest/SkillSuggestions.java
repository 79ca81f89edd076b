package org.openler.platform.skills.suggest;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.openler.platform.skills.FrameworkImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The platform's suggestion engine over the ontology: free text to ranked competencies, and search over competencies
 * and occupations. The catalogue is read from the ontology tables at start and again whenever the frameworks on
 * record change (an import here raises {@code FrameworkImported}; another instance's import is noticed within a
 * minute). Lexical ranking is available at once; label vectors are computed after an import, in the background, batch
 * by batch into {@code skill_text_vector} (resuming where a stopped instance left off), and the semantic ranker joins
 * when they are complete. Until then suggestions are lexical and say so.
 */
@Service
public class SkillSuggestions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SkillSuggestions.class);

    /** Where the engine stands: the progress of vector computation, and whether semantic ranking is on. */
    public record Status(int concepts, int vectorsDone, int vectorsTotal, boolean semantic, boolean ready) {}

    private record State(@Nullable SuggestionEngine engine, Status status, String fingerprint) {}

    private final CatalogueReader catalogues;
    private final JdbcVectorStore vectors;
    private final SuggestProperties properties;
    private final boolean background;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "skill-suggestions");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile State state = new State(null, new Status(0, 0, 0, false, false), "");
    private volatile @Nullable OnnxTextEncoder encoder;

    SkillSuggestions(JdbcTemplate jdbc, SuggestProperties properties) {
        this.catalogues = new CatalogueReader(jdbc);
        this.vectors = new JdbcVectorStore(jdbc);
        this.properties = properties;
        this.background = properties.background();
    }

    public Status status() {
        return state.status();
    }

    /**
     * The best {@code top} competencies for each text, optionally of one framework. Lexical only while the vectors
     * are being computed.
     */
    public List<List<Suggestion>> suggest(List<String> texts, int top, Optional<String> framework) {
        SuggestionEngine engine = state.engine();
        if (engine == null) {
            return texts.stream().map(t -> List.<Suggestion>of()).toList();
        }
        ConceptFilter filter = new ConceptFilter(Optional.of(ConceptKind.COMPETENCY), framework);
        return texts.stream().map(text -> engine.suggest(text, top, filter)).toList();
    }

    /** Competencies or occupations whose labels or alternative labels match the words (BM25, stemmed). */
    public List<LexicalRanker.Hit> search(String query, ConceptFilter filter, int limit) {
        SuggestionEngine engine = state.engine();
        return engine == null ? List.of() : engine.lexical().rank(query, filter, limit);
    }

    /** The concept a search hit points at. */
    public Concept concept(LexicalRanker.Hit hit) {
        SuggestionEngine engine = state.engine();
        if (engine == null) {
            throw new IllegalStateException("A hit without an engine");
        }
        return engine.catalogue().get(hit.concept());
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        refreshLater();
    }

    /** A framework was imported here: read the catalogue again, and compute the vectors of new labels. */
    @EventListener
    void imported(FrameworkImported event) {
        log.info("Framework {} {} imported: skill suggestions refresh", event.slug(), event.version());
        refreshLater();
    }

    /** Another instance may have imported a framework: read the catalogue again when the frameworks changed. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void poll() {
        if (!catalogues.fingerprint().equals(state.fingerprint())) {
            refreshLater();
        }
    }

    /** Schedules a refresh on the engine's own thread; a refresh already waiting covers this one. */
    void refreshLater() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    refresh(background);
                } catch (RuntimeException e) {
                    log.warn("Skill suggestions could not be refreshed; they stay as they were", e);
                }
            });
        }
    }

    /**
     * Reads the catalogue, serves it lexically at once, then (if asked) computes the missing vectors and serves it
     * with the semantic ranker too. Runs on the caller's thread.
     */
    void refresh(boolean withVectors) {
        refresh(withVectors, this::embeds);
    }

    /**
     * As {@link #refresh(boolean)}, embedding the texts of the concepts {@code embeds} accepts. One refresh at a time;
     * a lexical refresh of an unchanged catalogue leaves a semantic engine in place.
     */
    synchronized void refresh(boolean withVectors, java.util.function.Predicate<Concept> embeds) {
        String fingerprint = catalogues.fingerprint();
        if (!withVectors && state.status().semantic() && fingerprint.equals(state.fingerprint())) {
            return;
        }
        long start = System.nanoTime();
        Catalogue catalogue = catalogues.read();
        SuggestionEngine.Settings settings = SuggestionEngine.Settings.DEFAULT;
        LexicalRanker lexical =
                new LexicalRanker(catalogue, settings.lexicalAlternatives(), settings.lexicalAlternativeWeight());
        LexicalRanker spanish = SpanishLabels.ranker(catalogue, settings);
        SuggestionEngine lexicalOnly = new SuggestionEngine(
                catalogue, settings.with(SuggestionEngine.Fusion.LEXICAL, 1), lexical, null, spanish);
        state = new State(lexicalOnly, new Status(catalogue.size(), 0, 0, false, true), fingerprint);
        log.info(
                "Skill search ready: {} competencies and occupations ({} ms)",
                catalogue.size(),
                (System.nanoTime() - start) / 1_000_000);
        if (!withVectors || catalogue.size() == 0) {
            return;
        }
        OnnxTextEncoder model = encoder();
        SemanticRanker semantic =
                SemanticRanker.build(catalogue, settings.semanticTexts(), embeds, model, vectors, progress -> {
                    state = new State(
                            lexicalOnly,
                            new Status(catalogue.size(), progress.done(), progress.total(), false, true),
                            fingerprint);
                    if (progress.embedded() > 0 && progress.embedded() % (SemanticRanker.BATCH * 20) == 0) {
                        log.info("Skill label vectors: {} of {}", progress.done(), progress.total());
                    }
                });
        state = new State(
                new SuggestionEngine(catalogue, settings, lexical, semantic, spanish),
                new Status(catalogue.size(), semantic.textCount(), semantic.textCount(), true, true),
                fingerprint);
        log.info(
                "Skill suggestions ready: {} texts embedded with {} ({} s)",
                semantic.textCount(),
                model.modelId(),
                (System.nanoTime() - start) / 1_000_000_000);
    }

    private boolean embeds(Concept concept) {
        return concept.kind() == ConceptKind.COMPETENCY
                && properties.semanticFrameworks().contains(concept.framework());
    }

    /** The id of the model the vectors are stored under. */
    String modelId() {
        return encoder().modelId();
    }

    private synchronized OnnxTextEncoder encoder() {
        OnnxTextEncoder current = encoder;
        if (current == null) {
            current = new OnnxTextEncoder(
                    OnnxTextEncoder.Model.named(properties.model()), properties.embedThreads(), false);
            encoder = current;
        }
        return current;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        OnnxTextEncoder current = encoder;
        if (current != null) {
            current.close();
        }
    }
}
