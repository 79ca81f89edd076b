package org.openler.platform.skills;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openler.platform.skills.suggest.SkillSuggestions;
import org.openler.skills.suggest.Suggestion;
import org.springframework.stereotype.Service;

/**
 * The free-text mapper as other features use it: a person's own words to the ontology's best-matching competencies.
 * A thin public face over the suggestion engine, so features need not know its internals.
 */
@Service
public class SkillMapping {

    /** One competency the words may mean, best first. */
    public record Candidate(URI uri, String label, String framework, double score) {}

    private final SkillSuggestions suggestions;

    SkillMapping(SkillSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** Up to {@code top} competencies for the words; none while the catalogue is still being read. */
    public List<Candidate> suggest(String words, int top) {
        if (words.isBlank()) {
            return List.of();
        }
        List<Suggestion> ranked = suggestions
                .suggest(List.of(words.strip()), top, Optional.empty())
                .get(0);
        return ranked.stream()
                .map(s -> new Candidate(
                        s.concept().uri(),
                        s.concept().preferredLabel(),
                        s.concept().framework(),
                        s.score()))
                .toList();
    }
}
