package org.openler.platform.registry;

import java.util.List;
import java.util.Optional;

/**
 * A page of registry search results, with the total and each facet's values and counts over all matches ({@code
 * facetsEstimated}: when there are very many, the total and the counts are estimated from a sample of them).
 */
public record RegistryResults(long total, List<Hit> hits, List<Facet> facets, boolean facetsEstimated) {

    public RegistryResults {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }

    /** One credential in the results, as a result line shows it. */
    public record Hit(
            String ctid,
            String name,
            String type,
            String provider,
            String providerName,
            String summary,
            Optional<Long> cost,
            Optional<String> duration,
            float score) {}

    /** A facet ({@code type}, {@code competency}, {@code cost} …) and its values, most frequent first. */
    public record Facet(String name, List<Value> values) {
        public Facet {
            values = List.copyOf(values);
        }
    }

    /** A facet value: what to filter with, what to show, how many matches have it. */
    public record Value(String value, String label, long count) {}
}
