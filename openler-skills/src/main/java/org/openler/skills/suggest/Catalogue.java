package org.openler.skills.suggest;

import java.util.List;

/** The concepts the engine ranks, in a fixed order: a concept's position is its id inside the engine. */
public record Catalogue(List<Concept> concepts) {

    public Catalogue {
        concepts = List.copyOf(concepts);
    }

    public int size() {
        return concepts.size();
    }

    public Concept get(int index) {
        return concepts.get(index);
    }
}
