package org.openler.platform.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.matching.JobTarget;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.TargetSkill;

class DemoCandidatesTests {

    private static JobTarget job(String prefix, int skills) {
        List<TargetSkill> requirements = new ArrayList<>();
        for (int i = 0; i < skills; i++) {
            requirements.add(new TargetSkill(
                    URI.create("http://example.org/" + prefix + "/" + i),
                    prefix + " skill " + i,
                    1.0 - i * 0.05,
                    true,
                    3));
        }
        requirements.add(new TargetSkill(URI.create("onet:not-a-web-uri"), "local", 0.1, false, 3));
        return new JobTarget(UUID.randomUUID(), prefix, "Demo Employer", new MatchTarget(prefix, requirements));
    }

    @Test
    void aSyntheticCandidateHoldsMostOfOneJobsSkillsTheHeavierMoreOftenAndNoneTwice() {
        JobTarget machinist = job("machinist", 12);
        JobTarget nurse = job("nurse", 12);
        Random random = new Random(1);
        Map<URI, Integer> held = new HashMap<>();
        int own = 0;
        int total = 0;
        for (int n = 0; n < 500; n++) {
            List<TargetSkill> picked = DemoCandidates.pick(machinist, nurse, random);
            assertThat(picked.stream().map(TargetSkill::skillUri).distinct()).hasSameSizeAs(picked);
            assertThat(picked).noneMatch(s -> s.skillUri().getScheme().equals("onet"));
            for (TargetSkill s : picked) {
                held.merge(s.skillUri(), 1, Integer::sum);
                total++;
                if (s.skillUri().getPath().startsWith("/machinist/")) {
                    own++;
                }
            }
        }
        assertThat((double) own / total).isGreaterThan(0.7);
        int heaviest = held.getOrDefault(URI.create("http://example.org/machinist/0"), 0);
        int lightest = held.getOrDefault(URI.create("http://example.org/machinist/11"), 0);
        assertThat(heaviest).isGreaterThan(400); // about 90%
        assertThat(lightest).isBetween(150, 300); // about 44%
    }
}
