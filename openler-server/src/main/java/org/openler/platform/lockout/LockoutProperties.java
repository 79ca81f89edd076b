package org.openler.platform.lockout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard guessing is made ({@code openler.lockout.*}). A name (an e-mail address or a client id) gets
 * {@code freeFailures} wrong attempts, then waits {@code firstDelay}, doubling with each further failure up to
 * {@code maxDelay}; at {@code lockAt} consecutive failures it is locked until unlocked (NIST SP 800-63B allows at most
 * 100). A source address, which many honest people may share, gets {@code addressFreeFailures} and the same doubling;
 * its count is forgotten after {@code addressWindow} without a failure. The holder is told at {@code noticeAt}
 * failures and again at the lock.
 */
@ConfigurationProperties("openler.lockout")
public record LockoutProperties(
        @DefaultValue("5") int freeFailures,
        @DefaultValue("10") int noticeAt,
        @DefaultValue("100") int lockAt,
        @DefaultValue("50") int addressFreeFailures,
        @DefaultValue("1h") Duration addressWindow,
        @DefaultValue("2s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay) {

    public LockoutProperties {
        if (freeFailures < 1 || noticeAt < freeFailures || lockAt < noticeAt || lockAt > 100) {
            throw new IllegalArgumentException(
                    "openler.lockout: need 1 <= free-failures <= notice-at <= lock-at <= 100 (NIST SP 800-63B)");
        }
        if (addressFreeFailures < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("openler.lockout: delays and address limits must be positive");
        }
    }

    /** The wait after {@code failures} failures when the first {@code free} cost nothing: doubling, capped. */
    Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay;
    }
}
