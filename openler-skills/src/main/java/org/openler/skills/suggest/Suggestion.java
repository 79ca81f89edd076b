package org.openler.skills.suggest;

/**
 * One ranked concept for a text. {@code score} is the fused score the ranking is by; {@code lexical} (BM25, 0 when the
 * lexical ranker did not retrieve it) and {@code semantic} (cosine similarity of the best-matching texts) explain it.
 * {@code probability} is the calibrated chance that it is a right answer for the text ({@link Calibration}), the number
 * to cut at; NaN for an engine whose settings were not calibrated (only the evaluation builds such engines).
 */
public record Suggestion(Concept concept, double score, double lexical, double semantic, double probability) {}
