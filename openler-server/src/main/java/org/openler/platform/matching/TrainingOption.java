package org.openler.platform.matching;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A credential of value from the registry as the plan sees it: its CTID, name, provider, the skills it teaches (the
 * CTDL competencies), cost, hours, delivery and locations. Cost and hours are empty when the entry does not state
 * them. {@code note} says what changed it for this learner (credit already held), empty when nothing did.
 */
public record TrainingOption(
        String ctid,
        String name,
        String provider,
        Set<URI> teaches,
        Optional<Double> cost,
        String currency,
        Optional<Double> hours,
        List<String> delivery,
        List<String> locations,
        String note) {

    public TrainingOption {
        teaches = Set.copyOf(teaches);
        delivery = List.copyOf(delivery);
        locations = List.copyOf(locations);
        if (cost.filter(c -> !Double.isFinite(c) || c < 0).isPresent()
                || hours.filter(h -> !Double.isFinite(h) || h < 0).isPresent()) {
            throw new IllegalArgumentException("Cost and hours are finite and not negative");
        }
    }

    /** The same option with a lower cost and hours (credit already held), saying why. */
    public TrainingOption reduced(Optional<Double> newCost, Optional<Double> newHours, String why) {
        return new TrainingOption(ctid, name, provider, teaches, newCost, currency, newHours, delivery, locations, why);
    }
}
