package org.openler.skills.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Whether a text reads as Spanish rather than English: its words are counted against each language's vocabulary (the
 * words of the catalogue's labels in that language, and Lucene's stop words), a word both know counting for neither;
 * a word neither knows as it is counted by its stem (Lucene's Spanish light stemmer, English Porter stemmer), so that
 * plural and feminine forms the labels do not spell ("directores", "camareras") still count; on a tie, Spanish letters
 * (ñ, accents, ¿ ¡) decide. The Spanish labels are consulted only for Spanish text: ranking
 * English text against them as well costs English queries accuracy (cross-validated: TECH RP@5 73.3 → 67.5,
 * docs/skill-mapping.md).
 */
final class Language {

    private final Set<String> english = new HashSet<>();
    private final Set<String> spanish = new HashSet<>();
    private final Analyzer englishStemmer = new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    private final Analyzer spanishStemmer = new SpanishAnalyzer(CharArraySet.EMPTY_SET);
    private final Set<String> englishStems;
    private final Set<String> spanishStems;

    private final boolean byStems;

    Language(Catalogue englishLabels, Catalogue spanishLabels) {
        this(englishLabels, spanishLabels, true);
    }

    /** With {@code byStems} false, only words the labels spell count (as until 2026-12-07; the evaluation compares). */
    Language(Catalogue englishLabels, Catalogue spanishLabels, boolean byStems) {
        this.byStems = byStems;
        add(englishLabels, english);
        add(spanishLabels, spanish);
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> english.add(new String((char[]) w)));
        SpanishAnalyzer.getDefaultStopSet().forEach(w -> spanish.add(new String((char[]) w)));
        // stemming the two vocabularies is the costly part of building this; only a reader by stems needs it
        this.englishStems = byStems ? stems(english, englishStemmer) : Set.of();
        this.spanishStems = byStems ? stems(spanish, spanishStemmer) : Set.of();
    }

    private static Set<String> stems(Set<String> words, Analyzer stemmer) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            stems.add(stem(word, stemmer));
        }
        return stems;
    }

    private static String stem(String word, Analyzer stemmer) {
        try (TokenStream tokens = stemmer.tokenStream("w", word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String stem = tokens.incrementToken() ? term.toString() : word;
            tokens.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string cannot fail", e);
        }
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
            if (byStems && !inEnglish && !inSpanish) {
                inEnglish = englishStems.contains(stem(word, englishStemmer));
                inSpanish = spanishStems.contains(stem(word, spanishStemmer));
            }
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
