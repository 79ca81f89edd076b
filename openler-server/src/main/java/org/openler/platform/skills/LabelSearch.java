package org.openler.platform.skills;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openler.platform.skills.suggest.SkillSuggestions;
import org.openler.skills.suggest.ConceptFilter;
import org.openler.skills.suggest.ConceptKind;
import org.springframework.stereotype.Service;

/**
 * Occupations or competencies whose labels or alternative labels (O*NET alternate titles, ESCO alternative labels)
 * match some words, by the suggestion engine's lexical ranking (BM25, stemmed). Empty until the engine has read the
 * catalogue. The public face other features use instead of reaching into {@code skills.suggest}.
 */
@Service
public class LabelSearch {

    /** One ranked concept: its source URI, preferred label, framework slug and BM25 score (higher is better). */
    public record Hit(URI uri, String label, String framework, double score) {}

    private final SkillSuggestions suggestions;

    LabelSearch(SkillSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** Occupations of one framework (its slug: {@code onet}, {@code esco}). */
    public List<Hit> occupations(String words, String framework, int limit) {
        return search(words, new ConceptFilter(Optional.of(ConceptKind.OCCUPATION), Optional.of(framework)), limit);
    }

    /** Competencies of any framework. */
    public List<Hit> competencies(String words, int limit) {
        return search(words, ConceptFilter.competencies(), limit);
    }

    private List<Hit> search(String words, ConceptFilter filter, int limit) {
        return suggestions.search(words, filter, limit).stream()
                .map(hit -> {
                    var concept = suggestions.concept(hit);
                    return new Hit(concept.uri(), concept.preferredLabel(), concept.framework(), hit.score());
                })
                .toList();
    }

    /** Whether the engine has read a catalogue with anything in it (searches answer nothing before). */
    public boolean ready() {
        SkillSuggestions.Status status = suggestions.status();
        return status.ready() && status.concepts() > 0;
    }
}
