package org.openler.platform.skills;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openler.platform.skills.suggest.SuggestProperties;
import org.openler.skills.suggest.FileVectorStore;
import org.openler.skills.suggest.OnnxTextEncoder;
import org.openler.skills.suggest.TitleIndex;
import org.openler.skills.suggest.TitleSuggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Job titles to occupations, as other features use it: an employer's or a learner's title ("CNC machinist", "RN –
 * night shift", "Ingeniero de software") to ESCO occupations with their O*NET-SOC codes and calibrated scores. The
 * index is ESCO 1.1.1 in English and Spanish from openler-data (no database). It is lexical at first (built in a
 * second or two by the first caller); once the application is ready, a background thread adds the embedding model's
 * vectors of the 3,007 occupation labels (kept in {@code <openler.data-dir>/title-vectors}, so only the first start
 * computes them) and the fused ranking takes over. With {@code openler.skills.suggest.background=false} (tests) it
 * stays lexical.
 */
@Service
public class TitleMapper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TitleMapper.class);

    private final boolean background;
    private final Path vectors;
    private volatile @Nullable TitleIndex index;
    private volatile @Nullable OnnxTextEncoder encoder;
    private volatile @Nullable Thread warmUp;

    TitleMapper(SuggestProperties properties, @Value("${openler.data-dir:./data}") String dataDir) {
        this.background = properties.background();
        this.vectors = Path.of(dataDir, "title-vectors");
    }

    /** Up to {@code top} occupations for the title, best first; none for a blank title. */
    public List<TitleSuggestion> suggest(String title, int top) {
        if (title.isBlank() || top < 1) {
            return List.of();
        }
        return index().suggest(title.strip(), top);
    }

    /** Whether the model's similarity is part of the ranking yet. */
    public boolean semantic() {
        TitleIndex current = index;
        return current != null && current.semantic();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!background) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        index();
                        long start = System.nanoTime();
                        OnnxTextEncoder model = new OnnxTextEncoder(OnnxTextEncoder.Model.ALL_MINILM_L6_V2_Q, 1, false);
                        encoder = model;
                        index = TitleIndex.bundled(model, new FileVectorStore(vectors));
                        log.info("Title mapper: semantic ranking on ({} ms)", (System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException e) {
                        log.warn("Title mapper stays lexical: {}", e.toString());
                    }
                },
                "title-index");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        warmUp = thread;
        thread.start();
    }

    private TitleIndex index() {
        TitleIndex current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    current = TitleIndex.bundled();
                    index = current;
                }
            }
        }
        return current;
    }

    /**
     * Closes the model only once the warm-up no longer uses it: closing ONNX Runtime's session under a thread that is
     * still encoding crashes the JVM in native code (seen at SIGTERM during the demo's warm-up). The warm-up is never
     * interrupted; if it is still busy after a few seconds the model is left to the process's exit.
     */
    @Override
    public void destroy() throws InterruptedException {
        Thread thread = warmUp;
        if (thread != null) {
            thread.join(5_000);
            if (thread.isAlive()) {
                log.info("Title mapper: warm-up still running at shutdown; the model is released with the process");
                return;
            }
        }
        OnnxTextEncoder model = encoder;
        if (model != null) {
            model.close();
        }
    }
}
