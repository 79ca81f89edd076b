package org.openler.platform.jobs;

import java.util.Optional;
import org.openler.platform.skills.Frameworks;
import org.openler.platform.skills.Occupation;
import org.openler.platform.skills.Occupations;
import org.springframework.stereotype.Component;

/** O*NET-SOC occupations of the newest O*NET version on record, by code. */
@Component
class OnetOccupations {

    private final Frameworks frameworks;
    private final Occupations occupations;

    OnetOccupations(Frameworks frameworks, Occupations occupations) {
        this.frameworks = frameworks;
        this.occupations = occupations;
    }

    Optional<Occupation> byCode(String code) {
        return frameworks.newest("onet").flatMap(f -> occupations.byCode(f.id(), code));
    }

    /**
     * The occupation of a code that may be an older detailed one: the ESCO–O*NET crosswalk names some occupations by
     * O*NET-SOC 2010 codes (51-4121.06 Welders, Cutters, and Welder Fitters) that O*NET 29.3 folded into their
     * {@code .00} parent (51-4121.00).
     */
    Optional<Occupation> byCodeOrParent(String code) {
        Optional<Occupation> exact = byCode(code);
        if (exact.isPresent() || code.endsWith(".00") || code.length() < 8) {
            return exact;
        }
        return byCode(code.substring(0, 8) + ".00");
    }
}
