package org.openler.skills.suggest;

import java.util.Collection;
import java.util.Map;

/**
 * Where text vectors are kept between runs, keyed by concept, model and the text's hash: the platform keeps them in
 * its database (shared by every instance), the CLI and the evaluation in a file. A changed text has a new hash, so it
 * is embedded again; an unchanged one never is.
 */
public interface VectorStore {

    /** A concept's text, as the key its vector is stored under. */
    record TextKey(String concept, String textHash) {}

    /** The vectors already stored for these keys (absent keys are simply missing from the answer). */
    Map<TextKey, float[]> find(String modelId, Collection<TextKey> keys);

    /** Stores vectors; a key that is already there keeps its vector (the same text gives the same vector). */
    void save(String modelId, Map<TextKey, float[]> vectors);

    /** Keeps nothing: every text is embedded each time. */
    VectorStore NONE = new VectorStore() {
        @Override
        public Map<TextKey, float[]> find(String modelId, Collection<TextKey> keys) {
            return Map.of();
        }

        @Override
        public void save(String modelId, Map<TextKey, float[]> vectors) {}
    };
}
