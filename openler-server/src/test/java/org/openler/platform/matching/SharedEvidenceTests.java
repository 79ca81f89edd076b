package org.openler.platform.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.profile.ProfileSkill;
import org.openler.platform.profile.Provenance;

/**
 * The record a share's reader is matched against: only what the shared credentials back. A credential not in the
 * share, the learner's own statements, and an endorsement not in the share count for nothing; a shared credential the
 * learner signed themselves counts as self-asserted. The learner's own record, walked the same way, keeps everything.
 */
class SharedEvidenceTests {

    static final URI WELDING = URI.create("https://example.org/skills/welding");
    static final URI BLUEPRINTS = URI.create("https://example.org/skills/blueprints");
    static final URI SAFETY = URI.create("https://example.org/skills/safety");

    final UUID shared = UUID.randomUUID();
    final UUID unshared = UUID.randomUUID();
    final UUID selfIssued = UUID.randomUUID();
    final UUID endorsement = UUID.randomUUID();

    final List<ProfileSkill> profile = List.of(
            new ProfileSkill(
                    WELDING,
                    "welding",
                    List.of(
                            new Provenance.Verified(shared, "Welding Badge", "College"),
                            new Provenance.Verified(unshared, "Other Badge", "Elsewhere"),
                            new Provenance.Endorsed(endorsement, "Foreman", "Good welds"))),
            new ProfileSkill(
                    BLUEPRINTS,
                    "blueprints",
                    List.of(
                            new Provenance.Verified(unshared, "Other Badge", "Elsewhere"),
                            new Provenance.SelfAsserted(UUID.randomUUID(), "I read them", null, null, null))),
            new ProfileSkill(SAFETY, "safety", List.of(new Provenance.Verified(selfIssued, "My own badge", "Me"))));

    @Test
    void onlyTheSharedCredentialsBackASkill() {
        List<Evidence> evidence = LearnerRecords.shared(profile, Map.of(shared, "Welding Badge"), Set.of());

        assertThat(evidence).extracting(Evidence::skill).containsExactly(WELDING);
        assertThat(evidence.getFirst().sources())
                .singleElement()
                .isInstanceOfSatisfying(
                        Evidence.Source.Verified.class,
                        v -> assertThat(v.credential()).isEqualTo(shared));
    }

    @Test
    void aSharedEndorsementCountsAsEndorsed() {
        List<Evidence> evidence =
                LearnerRecords.shared(profile, Map.of(shared, "Welding Badge", endorsement, "Endorsement"), Set.of());

        assertThat(evidence.getFirst().sources())
                .extracting(Evidence.Source::kind)
                .containsExactly("verified", "endorsed");
    }

    @Test
    void aSharedCredentialTheLearnerSignedThemselvesCountsAsSelfAsserted() {
        List<Evidence> evidence =
                LearnerRecords.shared(profile, Map.of(selfIssued, "My own badge"), Set.of(selfIssued));

        assertThat(evidence).extracting(Evidence::skill).containsExactly(SAFETY);
        assertThat(evidence.getFirst().best().kind()).isEqualTo("self-asserted");
    }

    @Test
    void theLearnersOwnRecordKeepsEveryMappedSkillWithEverySourceAndLeavesFreeTextOut() {
        List<ProfileSkill> withFreeText = new ArrayList<>(profile);
        withFreeText.add(new ProfileSkill(
                null,
                "tying knots",
                List.of(new Provenance.SelfAsserted(UUID.randomUUID(), "I tie knots", null, null, null))));

        List<Evidence> evidence = LearnerRecords.evidence(withFreeText);

        assertThat(evidence).extracting(Evidence::skill).containsExactly(WELDING, BLUEPRINTS, SAFETY);
        assertThat(evidence.get(0).sources())
                .extracting(Evidence.Source::kind)
                .containsExactly("verified", "verified", "endorsed");
        assertThat(evidence.get(1).sources())
                .extracting(Evidence.Source::kind)
                .containsExactly("verified", "self-asserted");
    }

    @Test
    void nothingSharedIsAnEmptyRecord() {
        assertThat(LearnerRecords.shared(profile, Map.of(), Set.of())).isEmpty();
    }
}
