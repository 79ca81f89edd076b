package org.openler.platform.registry;

import java.util.List;
import java.util.Optional;

/**
 * A registry search: words (may be empty) and facet filters. Values within one facet are alternatives (any of them);
 * facets are combined (all of them). Cost is in whole currency units, duration in hours; both ranges inclusive.
 */
public record RegistryQuery(
        String text,
        List<String> types,
        List<String> competencies,
        List<String> occupations,
        List<String> delivery,
        List<String> providers,
        List<String> locations,
        Optional<Long> minCost,
        Optional<Long> maxCost,
        Optional<Long> minHours,
        Optional<Long> maxHours,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public RegistryQuery {
        types = List.copyOf(types);
        competencies = List.copyOf(competencies);
        occupations = List.copyOf(occupations);
        delivery = List.copyOf(delivery);
        providers = List.copyOf(providers);
        locations = List.copyOf(locations);
        if (limit < 0 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("limit 0.." + MAX_LIMIT + ", offset 0.." + MAX_OFFSET);
        }
    }

    /** Words only: every facet open, the first page of 20. */
    public static RegistryQuery text(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a query; what is not set is open (no words, no facet values, no range), the first page of 20. */
    public static final class Builder {
        private String text = "";
        private List<String> types = List.of();
        private List<String> competencies = List.of();
        private List<String> occupations = List.of();
        private List<String> delivery = List.of();
        private List<String> providers = List.of();
        private List<String> locations = List.of();
        private Optional<Long> minCost = Optional.empty();
        private Optional<Long> maxCost = Optional.empty();
        private Optional<Long> minHours = Optional.empty();
        private Optional<Long> maxHours = Optional.empty();
        private int offset = 0;
        private int limit = 20;

        private Builder() {}

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder types(List<String> values) {
            types = values;
            return this;
        }

        public Builder competencies(List<String> values) {
            competencies = values;
            return this;
        }

        public Builder occupations(List<String> values) {
            occupations = values;
            return this;
        }

        public Builder delivery(List<String> values) {
            delivery = values;
            return this;
        }

        public Builder providers(List<String> values) {
            providers = values;
            return this;
        }

        public Builder locations(List<String> values) {
            locations = values;
            return this;
        }

        public Builder cost(Optional<Long> min, Optional<Long> max) {
            minCost = min;
            maxCost = max;
            return this;
        }

        public Builder hours(Optional<Long> min, Optional<Long> max) {
            minHours = min;
            maxHours = max;
            return this;
        }

        public Builder page(int newOffset, int newLimit) {
            offset = newOffset;
            limit = newLimit;
            return this;
        }

        public RegistryQuery build() {
            return new RegistryQuery(
                    text,
                    types,
                    competencies,
                    occupations,
                    delivery,
                    providers,
                    locations,
                    minCost,
                    maxCost,
                    minHours,
                    maxHours,
                    offset,
                    limit);
        }
    }
}
