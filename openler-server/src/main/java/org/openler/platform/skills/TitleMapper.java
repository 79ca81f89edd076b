package org.openler.platform.skills;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.openler.platform.skills.suggest.TitleIndex;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Job titles to occupations, as other features use it: an employer's or a learner's title ("CNC machinist", "RN –
 * night shift", "Ingeniero de software") to ESCO occupations with their O*NET-SOC codes and calibrated scores. The
 * index (ESCO 1.1.1 in English and Spanish, from openler-data; no database, no model) is built in the background once
 * the application is ready, or by the first caller that needs it earlier.
 */
@Service
public class TitleMapper {

    private final CompletableFuture<TitleIndex> index = new CompletableFuture<>();

    /** Up to {@code top} occupations for the title, best first; none for a blank title. */
    public List<TitleSuggestion> suggest(String title, int top) {
        if (title.isBlank() || top < 1) {
            return List.of();
        }
        return index().suggest(title.strip(), top);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("title-index").start(this::index);
    }

    private TitleIndex index() {
        if (!index.isDone()) {
            synchronized (index) {
                if (!index.isDone()) {
                    index.complete(TitleIndex.bundled());
                }
            }
        }
        return index.join();
    }
}
