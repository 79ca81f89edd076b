package org.openler.skills.suggest;

import java.util.Optional;

/** Which concepts a ranking may return: one kind, one framework, or any. */
public record ConceptFilter(Optional<ConceptKind> kind, Optional<String> framework) {

    public static final ConceptFilter ANY = new ConceptFilter(Optional.empty(), Optional.empty());

    public static ConceptFilter competencies() {
        return new ConceptFilter(Optional.of(ConceptKind.COMPETENCY), Optional.empty());
    }

    public boolean accepts(Concept concept) {
        return kind.map(k -> k == concept.kind()).orElse(true)
                && framework.map(f -> f.equals(concept.framework())).orElse(true);
    }
}
