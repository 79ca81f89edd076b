package org.openler.platform.skills;

import java.util.Locale;

/** Where an occupation's requirement comes from. */
public enum RequirementSource {
    /** The framework rates it (O*NET importance and level). */
    RATED,
    /** The framework lists it, essential or optional, without a rating (ESCO, NICE). */
    LISTED,
    /** Borrowed through the crosswalk from a matched occupation of another framework. */
    CROSSWALK,
    /** An O*NET technology skill of the occupation. */
    TECHNOLOGY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequirementSource of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
