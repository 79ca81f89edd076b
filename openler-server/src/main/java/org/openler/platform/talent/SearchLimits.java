package org.openler.platform.talent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.kernel.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many searches an employer may run per minute (a fixed window per employer, in this process). Paging and the
 * k-anonymity threshold stop one query from singling a person out; this stops an employer from running thousands of
 * slightly different queries to triangulate one. Over the limit, the search is refused with the seconds to wait.
 */
@Component
class SearchLimits {

    /** Refused: wait this long before the next search. */
    static final class Exceeded extends RuntimeException {
        private final long retryAfterSeconds;

        Exceeded(long retryAfterSeconds) {
            super("Too many searches", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private record Window(Instant start, int used) {}

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<OrganizationId, Window> windows = new ConcurrentHashMap<>();
    private volatile int perMinute;

    SearchLimits(Clock clock, @Value("${openler.talent.searches-per-minute:30}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts one search by this employer, or throws {@link Exceeded} when its minute is used up. */
    void take(OrganizationId employer) {
        Instant now = clock.instant();
        Window after = windows.compute(employer, (id, w) -> {
            if (w == null || !now.isBefore(w.start().plus(WINDOW))) {
                return new Window(now, 1);
            }
            return new Window(w.start(), w.used() + 1);
        });
        if (after.used() > perMinute) {
            long wait = Duration.between(now, after.start().plus(WINDOW)).toSeconds();
            throw new Exceeded(Math.max(1, wait + 1));
        }
    }

    int perMinute() {
        return perMinute;
    }

    /** For tests: a lower limit, and a fresh window for every employer. */
    void limit(int perMinute) {
        this.perMinute = perMinute;
        windows.clear();
    }
}
