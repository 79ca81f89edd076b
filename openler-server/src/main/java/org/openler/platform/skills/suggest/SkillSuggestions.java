package org.openler.platform.skills.suggest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.openler.platform.skills.FrameworkImported;
import org.openler.skills.suggest.Catalogue;
import org.openler.skills.suggest.Concept;
import org.openler.skills.suggest.ConceptFilter;
import org.openler.skills.suggest.ConceptKind;
import org.openler.skills.suggest.LexicalRanker;
import org.openler.skills.suggest.OnnxTextEncoder;
import org.openler.skills.suggest.SemanticRanker;
import org.openler.skills.suggest.SpanishLabels;
import org.openler.skills.suggest.Suggestion;
import org.openler.skills.suggest.SuggestionEngine;
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
 *
 * <p>The engine's thread reads and writes the database, so it is never interrupted: interrupting a thread inside H2's
 * file I/O closes the file channel, and H2 then closes the whole database (imports committed a moment before were lost
 * that way, and a long-running demo answered every request with "The database has been closed"). At shutdown the
 * engine is asked to stop between batches and waited for.
 */
@Service
public class SkillSuggestions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SkillSuggestions.class);

    /** Longer than one batch of vectors or one catalogue read takes on a slow machine. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

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
    private volatile boolean stopping;
    private volatile boolean started;
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
        started = true;
        refreshLater();
    }

    /** A framework was imported here: read the catalogue again, and compute the vectors of new labels. */
    @EventListener
    void imported(FrameworkImported event) {
        if (!started) {
            // imported during start-up (or by ./openler import, which exits before it is ready): the refresh when
            // the application is ready reads it, and a process that exits right away starts no refresh at all
            return;
        }
        log.info("Framework {} {} imported: skill suggestions refresh", event.slug(), event.version());
        refreshLater();
    }

    /**
     * Another instance may have imported a framework: read the catalogue again when the frameworks changed. The
     * comparison runs on the engine's thread too, so the scheduler's thread never holds a database read at shutdown.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void poll() {
        refreshLater(true);
    }

    /** Schedules a refresh on the engine's own thread; a refresh already waiting covers this one. */
    void refreshLater() {
        refreshLater(false);
    }

    private void refreshLater(boolean onlyIfChanged) {
        if (stopping || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                if (stopping) {
                    return;
                }
                try {
                    if (onlyIfChanged && catalogues.fingerprint().equals(state.fingerprint())) {
                        return;
                    }
                    refresh(background);
                } catch (Stopped e) {
                    log.info("Skill label vectors stopped for shutdown; the next start resumes them");
                } catch (RuntimeException e) {
                    log.warn("Skill suggestions could not be refreshed; they stay as they were", e);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // shutting down
        }
    }

    /** Thrown between two batches of vectors when the application stops. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
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
    synchronized void refresh(boolean withVectors, Predicate<Concept> embeds) {
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
                    if (stopping) {
                        throw new Stopped();
                    }
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

    /**
     * Stops cooperatively: no new refresh starts, a running one ends after its current batch, and the database is
     * closed only after that. The engine's thread is never interrupted (see the class comment).
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn(
                    "Skill suggestions still busy after {}; left to end with the process, not interrupted",
                    SHUTDOWN_WAIT);
            return; // the encoder stays open: the refresh still uses it
        }
        OnnxTextEncoder current = encoder;
        if (current != null) {
            current.close();
        }
    }
}
