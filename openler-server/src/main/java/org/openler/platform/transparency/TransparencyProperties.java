package org.openler.platform.transparency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.transparency.*}: the log's origin (its name in checkpoints; empty means {@code <host>/log}, fixed
 * when the log key is made), how often the sequencer integrates new entries and signs a head, and at most how many
 * entries one run integrates.
 */
@ConfigurationProperties("openler.transparency")
public record TransparencyProperties(
        @DefaultValue("") String origin,
        @DefaultValue("1s") Duration sequenceInterval,
        @DefaultValue("10000") int batchSize) {

    public TransparencyProperties {
        if (sequenceInterval.isNegative() || sequenceInterval.isZero()) {
            throw new IllegalArgumentException("openler.transparency.sequence-interval must be positive");
        }
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new IllegalArgumentException("openler.transparency.batch-size is 1..1000000");
        }
    }
}
