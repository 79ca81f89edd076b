package org.openler.platform.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;

/** What the organization's pages offer is read from the same table as the access check. */
class OrganizationPowersTests {

    @Test
    void anEmployersIssuerHoldsTheIssuingPowersButNeitherTheRegistryNorLearnerRecords() {
        assertThat(OrganizationPowers.held(Organization.Kind.EMPLOYER, StaffRole.ISSUER))
                .contains(
                        Power.DEFINE_ACHIEVEMENTS,
                        Power.ISSUE_CREDENTIALS,
                        Power.CHANGE_CREDENTIAL_STATUS,
                        Power.VIEW_ISSUED)
                .doesNotContain(Power.PUBLISH_REGISTRY, Power.VIEW_REGISTRY, Power.ISSUE_LEARNER_RECORDS);
    }

    @Test
    void aViewerIssuesNothing() {
        for (Organization.Kind kind : Organization.Kind.values()) {
            assertThat(OrganizationPowers.held(kind, StaffRole.VIEWER))
                    .doesNotContain(Power.ISSUE_CREDENTIALS, Power.DEFINE_ACHIEVEMENTS, Power.MANAGE_KEYS);
        }
    }

    @Test
    void theHeldPowersAgreeWithTheLeastRoleOfEveryCell() {
        for (Organization.Kind kind : Organization.Kind.values()) {
            for (StaffRole role : StaffRole.values()) {
                for (Power power : Power.values()) {
                    boolean expected = OrganizationPowers.leastRole(kind, power)
                            .map(role::includes)
                            .orElse(false);
                    assertThat(OrganizationPowers.held(kind, role).contains(power))
                            .as("%s %s %s", kind, role, power)
                            .isEqualTo(expected);
                }
            }
        }
    }
}
