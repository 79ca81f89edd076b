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
}
