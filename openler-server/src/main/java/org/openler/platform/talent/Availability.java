package org.openler.platform.talent;

import java.util.Locale;
import java.util.Optional;

/**
 * When the learner could start, if they say: now, within three months, or not looking. Coarse on purpose: a date
 * would be one more quasi-identifier. Written {@code now}, {@code within-3-months}, {@code not-looking} in the API.
 */
public enum Availability {
    NOW,
    WITHIN_3_MONTHS,
    NOT_LOOKING;

    /** The API's word for it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value named by the API's word (or the enum's name); empty for anything else. */
    public static Optional<Availability> of(String word) {
        String name = word.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Availability a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** As a search filter: "available by" this time, so "within 3 months" admits "now" too. */
    boolean by(Availability wanted) {
        return switch (wanted) {
            case NOW -> this == NOW;
            case WITHIN_3_MONTHS -> this == NOW || this == WITHIN_3_MONTHS;
            case NOT_LOOKING -> false;
        };
    }
}
