package org.openler.skills.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Candidate spans of a sentence. A line of a job ad often names a skill in a few words among many others ("you will
 * work with Java and maintain our CI pipelines"); the sentence's vector is an average of all of them, a span's is not.
 */
public enum QuerySpans {
    /** Only the whole text. */
    NONE,
    /** The text's clauses: split at punctuation and at "and", "or", "with", "as well as". */
    CLAUSES,
    /** Clauses and, inside each, sliding windows of four words (stride two). */
    WINDOWS;

    private static final Pattern CLAUSE_BREAK =
            Pattern.compile("[,;:.!?()\\[\\]•|/]+|\\s(?:and|or|with|as well as|including|such as|e\\.g\\.)\\s");
    private static final int WINDOW = 4;
    private static final int STRIDE = 2;
    /** A text yields at most this many spans: the cost of a query is bounded. */
    static final int MAX_SPANS = 24;

    /** The spans of the text, without the text itself; empty for NONE or when there is nothing shorter. */
    public List<String> of(String text) {
        if (this == NONE) {
            return List.of();
        }
        Set<String> spans = new LinkedHashSet<>();
        for (String clause : CLAUSE_BREAK.split(text)) {
            String c = clause.strip();
            if (c.isEmpty()) {
                continue;
            }
            spans.add(c);
            if (this == WINDOWS) {
                String[] words = c.split("\\s+");
                for (int start = 0; start + WINDOW <= words.length; start += STRIDE) {
                    spans.add(String.join(" ", Arrays.copyOfRange(words, start, start + WINDOW)));
                }
            }
        }
        spans.remove(text.strip());
        List<String> out = new ArrayList<>(spans);
        return out.size() > MAX_SPANS ? out.subList(0, MAX_SPANS) : out;
    }
}
