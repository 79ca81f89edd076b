package org.openler.platform.registry;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the search index holds of one published credential: its text, the values of every facet, and what a result
 * line shows. Built from the published CTDL document and the entry's organization.
 */
public record IndexedCredential(
        String ctid,
        String name,
        String description,
        String requirements,
        String type,
        String provider,
        String providerName,
        Optional<Long> cost,
        Optional<String> durationIso,
        Optional<Long> durationHours,
        Set<String> delivery,
        List<String> locations,
        List<CredentialOfValue.Alignment> competencies,
        List<CredentialOfValue.Alignment> occupations,
        List<String> keywords) {

    public IndexedCredential {
        delivery = Set.copyOf(delivery);
        locations = List.copyOf(locations);
        competencies = List.copyOf(competencies);
        occupations = List.copyOf(occupations);
        keywords = List.copyOf(keywords);
    }

    /** The index's view of a published credential of value, offered by the named organization. */
    public static IndexedCredential of(Ctid ctid, CredentialOfValue c, String providerSlug, String providerName) {
        List<CredentialOfValue.Alignment> competencies = new ArrayList<>(c.teaches());
        competencies.addAll(c.requires());
        return new IndexedCredential(
                ctid.value(),
                c.name(),
                c.description(),
                c.requirements(),
                c.type(),
                providerSlug,
                providerName,
                c.cost()
                        .map(cost ->
                                cost.price().setScale(0, RoundingMode.HALF_UP).longValueExact()),
                c.duration().map(CredentialOfValue.EstimatedDuration::iso),
                c.duration().map(CredentialOfValue.EstimatedDuration::hours),
                c.delivery().stream().map(Enum::name).collect(Collectors.toSet()),
                c.places().stream()
                        .map(CredentialOfValue.Place::label)
                        .distinct()
                        .toList(),
                competencies,
                c.occupations(),
                c.keywords());
    }
}
