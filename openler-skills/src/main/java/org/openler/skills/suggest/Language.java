package org.openler.skills.suggest;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;

/**
 * Whether a text reads as Spanish rather than English: its words are counted against each language's vocabulary (the
 * words of the catalogue's labels in that language, and Lucene's stop words), a word both know counting for neither;
 * on a tie, Spanish letters (ñ, accents, ¿ ¡) decide. The Spanish labels are consulted only for Spanish text: ranking
 * English text against them as well costs English queries accuracy (cross-validated: TECH RP@5 73.3 → 67.5,
 * docs/skill-mapping.md).
 */
final class Language {

    private final Set<String> english = new HashSet<>();
    private final Set<String> spanish = new HashSet<>();

    Language(Catalogue englishLabels, Catalogue spanishLabels) {
        add(englishLabels, english);
        add(spanishLabels, spanish);
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> english.add(new String((char[]) w)));
        SpanishAnalyzer.getDefaultStopSet().forEach(w -> spanish.add(new String((char[]) w)));
    }

    private static void add(Catalogue catalogue, Set<String> words) {
        for (Concept concept : catalogue.concepts()) {
            words.addAll(words(concept.preferredLabel()));
            for (String label : concept.alternativeLabels()) {
                words.addAll(words(label));
            }
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    boolean spanish(String text) {
        int en = 0;
        int es = 0;
        for (String word : words(text)) {
            boolean inEnglish = english.contains(word);
            boolean inSpanish = spanish.contains(word);
            if (inEnglish && !inSpanish) {
                en++;
            } else if (inSpanish && !inEnglish) {
                es++;
            }
        }
        if (es != en) {
            return es > en;
        }
        return text.chars().anyMatch(c -> "ñáéíóúü¿¡".indexOf(Character.toLowerCase(c)) >= 0);
    }
}
