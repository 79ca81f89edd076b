package org.openler.platform.matching;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.profile.ProfileSkill;
import org.openler.platform.profile.Provenance;
import org.openler.platform.profile.SkillsProfile;
import org.springframework.stereotype.Component;

/**
 * The learner's record for matching, read from their skills profile now (so a revoked credential's skills no longer
 * count) and widened by the ontology's neighbours. Free-text skills the learner did not map to the ontology cannot
 * meet a requirement and are left out.
 */
@Component
class LearnerRecords {

    private final SkillsProfile profile;
    private final SkillNeighbours neighbours;

    LearnerRecords(SkillsProfile profile, SkillNeighbours neighbours) {
        this.profile = profile;
        this.neighbours = neighbours;
    }

    LearnerRecord read(AccountId learner) {
        return record(evidence(profile.skills(learner)));
    }

    /**
     * The record a share shows: only what the shared credentials back, read (and verified) now. The learner's own
     * statements are never in a share, so they are left out; a shared credential the learner issued to themselves
     * (their own key signed it) backs its skills as self-asserted, not verified.
     */
    LearnerRecord shared(AccountId learner, Map<UUID, String> shared, Set<UUID> selfIssued) {
        return record(shared(profile.skills(learner), shared, selfIssued));
    }

    private LearnerRecord record(List<Evidence> evidence) {
        return LearnerRecord.of(
                evidence,
                neighbours.around(evidence.stream().map(Evidence::skill).toList()));
    }

    static List<Evidence> shared(List<ProfileSkill> skills, Map<UUID, String> shared, Set<UUID> selfIssued) {
        return walk(skills, (uri, p) -> switch (p) {
            case Provenance.Verified v -> {
                if (!shared.containsKey(v.credential())) {
                    yield Optional.empty();
                }
                yield Optional.of(
                        selfIssued.contains(v.credential())
                                ? new Evidence.Source.SelfAsserted(v.credential(), v.credentialName(), v.level())
                                : source(uri, v));
            }
            case Provenance.Endorsed e ->
                shared.containsKey(e.credential()) && !selfIssued.contains(e.credential())
                        ? Optional.of(source(uri, e))
                        : Optional.empty();
            // the learner's own words about a skill: not part of any share
            case Provenance.SelfAsserted a -> Optional.empty();
        });
    }

    static List<Evidence> evidence(List<ProfileSkill> skills) {
        return walk(skills, (uri, p) -> Optional.of(source(uri, p)));
    }

    /**
     * Each skill mapped to the ontology, with the sources the filter keeps (as evidence); a skill left with none is
     * left out (a profile skill always has a source, so without a filter every mapped skill stays).
     */
    private static List<Evidence> walk(
            List<ProfileSkill> skills, BiFunction<URI, Provenance, Optional<Evidence.Source>> kept) {
        List<Evidence> evidence = new ArrayList<>();
        for (ProfileSkill skill : skills) {
            if (skill.competency().isEmpty()) {
                continue;
            }
            URI uri = skill.competency().get();
            List<Evidence.Source> sources = new ArrayList<>();
            for (Provenance p : skill.sources()) {
                kept.apply(uri, p).ifPresent(sources::add);
            }
            if (!sources.isEmpty()) {
                evidence.add(new Evidence(uri, skill.label(), sources, 0));
            }
        }
        return evidence;
    }

    private static Evidence.Source source(URI skill, Provenance p) {
        return switch (p) {
            // the profile keys a verified skill by the URI its credential's alignment names
            case Provenance.Verified v ->
                new Evidence.Source.Verified(v.credential(), v.credentialName(), v.issuer(), skill, v.level());
            case Provenance.Endorsed e -> new Evidence.Source.Endorsed(e.credential(), e.endorser());
            case Provenance.SelfAsserted s -> new Evidence.Source.SelfAsserted(s.skill(), s.ownWords(), s.level());
        };
    }
}
