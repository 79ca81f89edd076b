package org.openler.skills.suggest;

import java.util.List;

/** Turns texts into unit-length vectors; cosine similarity is then a dot product. */
public interface TextEncoder {

    /** Names the model and its version: stored vectors are only comparable under the same id. */
    String modelId();

    int dimensions();

    /** One unit-length vector per text, in order. */
    List<float[]> encode(List<String> texts);

    /** The text a query is encoded as; some models expect an instruction in front of queries. */
    default String asQuery(String text) {
        return text;
    }

    /** The text a catalogue label is encoded as; e5 expects "passage: " in front. Stored under the label's own hash. */
    default String asPassage(String text) {
        return text;
    }
}
