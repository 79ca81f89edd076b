package org.openler.platform.talent;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A learner's discovery setting: the mode, the held credentials (wallet ids) whose skills a search may read, and the
 * skills of their own (competency URIs) it may read. Nothing is searchable unless named here. Optionally a coarse
 * location (a region code from {@link Regions}) and an availability, both shown on the anonymous card.
 */
public record DiscoverySetting(
        DiscoveryMode mode,
        List<UUID> credentials,
        List<URI> skills,
        Optional<String> location,
        Optional<Availability> availability) {

    public DiscoverySetting {
        credentials = List.copyOf(credentials);
        skills = List.copyOf(skills);
    }

    /** Without a location or availability. */
    public DiscoverySetting(DiscoveryMode mode, List<UUID> credentials, List<URI> skills) {
        this(mode, credentials, skills, Optional.empty(), Optional.empty());
    }

    public static DiscoverySetting off() {
        return new DiscoverySetting(DiscoveryMode.OFF, List.of(), List.of());
    }
}
