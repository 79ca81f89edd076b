package org.openler.platform.talent;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.talent.index.SkillQuery;

/**
 * The filters an employer may add to an anonymous search: a coarse location (a region on the list) and an
 * availability ("available by": now, or within three months, which admits "now" too). A learner who gave no location
 * or availability is left out by that filter. Filtering happens before the threshold of five, so a combination that
 * narrows the candidates below five answers "too few candidates" like any other query.
 */
public record TalentFilters(Optional<String> location, Optional<Availability> availableBy) {

    public static TalentFilters none() {
        return new TalentFilters(Optional.empty(), Optional.empty());
    }

    /** From the request's words; 400 for a region not on the list, or an availability other than the two filters. */
    public static TalentFilters of(@Nullable String location, @Nullable String availability) {
        Optional<String> region = Optional.empty();
        if (location != null && !location.isBlank()) {
            region = Optional.of(Regions.of(location)
                    .orElseThrow(() -> PlatformException.invalid("location", "Choose a region from the list."))
                    .code());
        }
        Optional<Availability> by = Optional.empty();
        if (availability != null && !availability.isBlank()) {
            by = Optional.of(Availability.of(availability)
                    .filter(a -> a != Availability.NOT_LOOKING)
                    .orElseThrow(() -> PlatformException.invalid("availability", "Filter on now or within-3-months.")));
        }
        return new TalentFilters(region, by);
    }

    /** The same filters as the index applies them: the region code, and the availability words admitted. */
    SkillQuery.Filter asIndexFilter() {
        Set<String> words = new HashSet<>();
        availableBy.ifPresent(wanted -> {
            for (Availability a : Availability.values()) {
                if (a.by(wanted)) {
                    words.add(a.word());
                }
            }
        });
        return new SkillQuery.Filter(location, words);
    }
}
