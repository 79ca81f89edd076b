package org.openler.platform.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.status-lists.*}: every list has {@link StatusLists#LIST_SIZE} entries; once {@code capacity}
 * credentials hold an index in it, it is closed and the next credential opens a new list. Half full by default, so a
 * random draw finds a free index at the first or second try and each list keeps a large crowd to hide in.
 */
@ConfigurationProperties("openler.status-lists")
public record StatusListProperties(@DefaultValue("65536") int capacity) {

    public StatusListProperties {
        if (capacity < 1 || capacity > StatusLists.LIST_SIZE / 2) {
            throw new IllegalArgumentException(
                    "openler.status-lists.capacity must be between 1 and " + StatusLists.LIST_SIZE / 2);
        }
    }

    /** How many allocations an instance makes in a list between two counts of how full it is. */
    int checkEvery() {
        return Math.max(1, Math.min(1024, capacity / 64));
    }
}
