package org.openler.platform.articulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openler.platform.articulation.ArticulationRule.Course;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.matching.HeldCredit;
import org.openler.platform.matching.TrainingOption;
import org.springframework.stereotype.Component;

/**
 * Training plans count credit: a registry entry that a rule's course counts toward ({@code course.ctid}) is shorter
 * and cheaper for a learner who holds the rule's source credential (credit they can get) or was awarded the credit
 * already (kept even if the rule was withdrawn since). One semester credit hour stands for 15 hours of instruction
 * (a quarter hour 10, a clock hour 1); the cost falls in proportion to the hours. Each learner's credit is read once
 * per plan (kept a few seconds), not once per option.
 */
@Component
class ArticulationCredit implements HeldCredit {

    private static final Duration KEEP = Duration.ofSeconds(10);

    private final CreditRequests requests;
    private final Clock clock;
    private final Map<AccountId, Cached> cache = new ConcurrentHashMap<>();

    ArticulationCredit(CreditRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Credit toward a registry entry: hours, the course, where, and whether already awarded. */
    record Credit(String ctid, Course course, String college, String source, boolean awarded) {}

    private record Cached(Instant at, List<Credit> credits) {}

    @Override
    public TrainingOption forLearner(AccountId learner, TrainingOption option) {
        List<Credit> applicable = credits(learner).stream()
                .filter(c -> c.ctid().equals(option.ctid()))
                .toList();
        if (applicable.isEmpty() || option.hours().isEmpty()) {
            return option;
        }
        double hours = option.hours().get();
        double creditHours = applicable.stream()
                .mapToDouble(c -> c.course().creditHours().doubleValue() * perCreditHour(c.course()))
                .sum();
        double saved = Math.min(hours, creditHours);
        if (saved <= 0) {
            return option;
        }
        double share = hours == 0 ? 0 : saved / hours;
        Optional<Double> cost = option.cost().map(c -> Math.max(0, c * (1 - share)));
        Credit first = applicable.getFirst();
        String note = String.format(
                Locale.ROOT,
                "Shorter by %.0f hours%s because of credit: %s at %s for your %s (%s).",
                saved,
                option.cost().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                " and %.0f %s cheaper",
                                option.cost().get() - cost.get(),
                                option.currency())
                        : "",
                String.join(
                        ", ", applicable.stream().map(c -> c.course().code()).toList()),
                first.college(),
                first.source(),
                applicable.stream().allMatch(Credit::awarded) ? "already awarded" : "ask for it with one click");
        return option.reduced(cost, Optional.of(hours - saved), note);
    }

    List<Credit> credits(AccountId learner) {
        Instant now = clock.instant();
        Cached cached = cache.get(learner);
        if (cached != null && cached.at().plus(KEEP).isAfter(now)) {
            return cached.credits();
        }
        List<Credit> credits = new ArrayList<>();
        for (CreditRequests.CreditRequest r : requests.mine(learner)) {
            if (r.status() == CreditRequests.Status.APPROVED) {
                r.courses()
                        .forEach(c -> c.ctid()
                                .ifPresent(x -> credits.add(new Credit(x, c, r.collegeName(), r.sourceName(), true))));
            }
        }
        for (CreditRequests.Offer o : requests.offers(learner)) {
            boolean awarded = o.requested()
                    .filter(r -> r.status() == CreditRequests.Status.APPROVED)
                    .isPresent();
            boolean declined = o.requested()
                    .filter(r -> r.status() == CreditRequests.Status.DECLINED)
                    .isPresent();
            if (awarded || declined) {
                continue; // counted above, or refused
            }
            o.rule()
                    .courses()
                    .forEach(c -> c.ctid()
                            .ifPresent(x -> credits.add(new Credit(
                                    x, c, o.rule().collegeName(), o.credential().name(), false))));
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(learner, new Cached(now, List.copyOf(credits)));
        return credits;
    }

    private static double perCreditHour(Course course) {
        return switch (course.creditType().toLowerCase(Locale.ROOT)) {
            case "quarter" -> 10;
            case "clock" -> 1;
            case "ceu" -> 10;
            default -> 15;
        };
    }
}
