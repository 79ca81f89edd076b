package org.openler.platform.talent;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A learner's discovery setting: the mode, the held credentials (wallet ids) whose skills a search may read, and the
 * skills of their own (competency URIs) it may read. Nothing is searchable unless named here.
 */
public record DiscoverySetting(DiscoveryMode mode, List<UUID> credentials, List<URI> skills) {

    public DiscoverySetting {
        credentials = List.copyOf(credentials);
        skills = List.copyOf(skills);
    }

    public static DiscoverySetting off() {
        return new DiscoverySetting(DiscoveryMode.OFF, List.of(), List.of());
    }
}
