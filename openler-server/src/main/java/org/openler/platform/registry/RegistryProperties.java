package org.openler.platform.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.registry.*}: where this instance keeps its search index ({@code index: memory}, rebuilt from the
 * database at start, or {@code index: disk}, under {@code <openler.data-dir>/registry-index}, which resumes from the
 * change sequence number it recorded), how often it polls the change sequence, and how long a gap in the sequence (a
 * transaction still running, or rolled back) is waited for before it is passed over.
 */
@ConfigurationProperties("openler.registry")
public record RegistryProperties(
        @DefaultValue("memory") String index,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration gapTimeout) {

    public RegistryProperties {
        if (!index.equals("memory") && !index.equals("disk")) {
            throw new IllegalArgumentException("openler.registry.index is memory or disk");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || gapTimeout.isNegative()) {
            throw new IllegalArgumentException("openler.registry: a positive poll-interval and gap-timeout");
        }
    }
}
