package org.openler.platform.sharing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openler.sharing.*}: how long a share lasts when the learner does not say (30 days) and at most (a year).
 */
@ConfigurationProperties("openler.sharing")
public record SharingProperties(Duration defaultDuration, Duration maxDuration) {

    @SuppressWarnings("ConstantValue") // Spring passes null for a property that is not set
    public SharingProperties {
        defaultDuration = defaultDuration == null ? Duration.ofDays(30) : defaultDuration;
        maxDuration = maxDuration == null ? Duration.ofDays(366) : maxDuration;
        if (defaultDuration.compareTo(maxDuration) > 0 || defaultDuration.isNegative() || defaultDuration.isZero()) {
            throw new IllegalArgumentException(
                    "openler.sharing.default-duration must be positive and at most max-duration");
        }
    }
}
