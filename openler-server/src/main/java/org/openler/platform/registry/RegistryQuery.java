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

    public static RegistryQuery text(String text) {
        return new RegistryQuery(
                text,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                20);
    }

    public RegistryQuery withTypes(List<String> values) {
        return new RegistryQuery(
                text,
                values,
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

    public RegistryQuery withCompetencies(List<String> values) {
        return new RegistryQuery(
                text,
                types,
                values,
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

    public RegistryQuery withOccupations(List<String> values) {
        return new RegistryQuery(
                text,
                types,
                competencies,
                values,
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

    public RegistryQuery withDelivery(List<String> values) {
        return new RegistryQuery(
                text,
                types,
                competencies,
                occupations,
                values,
                providers,
                locations,
                minCost,
                maxCost,
                minHours,
                maxHours,
                offset,
                limit);
    }

    public RegistryQuery withProviders(List<String> values) {
        return new RegistryQuery(
                text,
                types,
                competencies,
                occupations,
                delivery,
                values,
                locations,
                minCost,
                maxCost,
                minHours,
                maxHours,
                offset,
                limit);
    }

    public RegistryQuery withLocations(List<String> values) {
        return new RegistryQuery(
                text,
                types,
                competencies,
                occupations,
                delivery,
                providers,
                values,
                minCost,
                maxCost,
                minHours,
                maxHours,
                offset,
                limit);
    }

    public RegistryQuery withCost(Optional<Long> min, Optional<Long> max) {
        return new RegistryQuery(
                text,
                types,
                competencies,
                occupations,
                delivery,
                providers,
                locations,
                min,
                max,
                minHours,
                maxHours,
                offset,
                limit);
    }

    public RegistryQuery withHours(Optional<Long> min, Optional<Long> max) {
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
                min,
                max,
                offset,
                limit);
    }

    public RegistryQuery page(int newOffset, int newLimit) {
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
                newOffset,
                newLimit);
    }
}
