package org.openler.platform.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class OrganizationsIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organizations;

    @Autowired
    AuditLog audit;

    @Test
    void theCreatorOfAnOrganizationIsItsAdmin() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);

        assertThat(organizations.roleOf(org.admin().id(), org.organization().id()))
                .contains(StaffRole.ADMIN);
        assertThat(audit.count(
                        AuditAction.ORGANIZATION_CREATED,
                        "account:" + org.admin().id()))
                .isEqualTo(1);
    }

    @Test
    void anInvitationMakesItsAddresseeStaffWithTheInvitedRoleExactlyOnce() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.EMPLOYER);
        var invitee = fixtures.staff();
        String token = organizations.invite(
                org.organization(),
                invitee.email().value(),
                StaffRole.ISSUER,
                Fixtures.person(org.admin()),
                "http://x");

        organizations.accept(token, Fixtures.person(invitee));

        assertThat(organizations.roleOf(invitee.id(), org.organization().id())).contains(StaffRole.ISSUER);
        assertThatThrownBy(() -> organizations.accept(token, Fixtures.person(invitee)))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.problem()).isEqualTo(Problem.GONE));
    }

    @Test
    void aForwardedInvitationCannotBeAcceptedBySomeoneElse() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        var invitee = fixtures.staff();
        var stranger = fixtures.staff();
        String token = organizations.invite(
                org.organization(), invitee.email().value(), StaffRole.ADMIN, Fixtures.person(org.admin()), "http://x");

        assertThatThrownBy(() -> organizations.accept(token, Fixtures.person(stranger)))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
        assertThat(organizations.roleOf(stranger.id(), org.organization().id())).isEmpty();
    }

    @Test
    void theLastAdminCannotBeDemotedOrRemoved() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);

        assertThatThrownBy(() -> organizations.changeRole(
                        org.organization(), org.admin().id(), StaffRole.VIEWER, Fixtures.person(org.admin())))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThatThrownBy(() -> organizations.removeMember(
                        org.organization(), org.admin().id(), Fixtures.person(org.admin())))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void roleChangesAreAuditedWithTheirBeforeAndAfter() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        var viewer = fixtures.member(org, StaffRole.VIEWER);

        organizations.changeRole(org.organization(), viewer.id(), StaffRole.ISSUER, Fixtures.person(org.admin()));

        assertThat(audit.forOrganization(org.organization().id(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ROLE_CHANGED");
            assertThat(e.detail()).isEqualTo("VIEWER->ISSUER");
            assertThat(e.subject()).isEqualTo("account:" + viewer.id());
        });
    }

    @Test
    void slugsAreRefusedWhenTakenOrMalformed() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        var someone = fixtures.staff();

        assertThatThrownBy(() -> organizations.create(
                        "Copycat", org.slug(), Organization.Kind.EMPLOYER, Fixtures.person(someone)))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThatThrownBy(() ->
                        organizations.create("Bad", "Not A Slug", Organization.Kind.EMPLOYER, Fixtures.person(someone)))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
    }

    @Test
    void aSlugLongerThanADidWebAllowsIsRefusedAtCreationWithTheRuleNotAServerError() {
        var someone = fixtures.staff();
        String sixtyFour = "z" + Long.toString(System.nanoTime(), 36) + "-" + "a".repeat(40);
        String tooLong = (sixtyFour + "b".repeat(64)).substring(0, 64);

        assertThatThrownBy(() ->
                        organizations.create("Long", tooLong, Organization.Kind.PROVIDER, Fixtures.person(someone)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT);
                    assertThat(e.getMessage() + e.fieldErrors()).contains("3 to 63");
                });
        Organization longest = organizations.create(
                "Longest", tooLong.substring(0, 63), Organization.Kind.PROVIDER, Fixtures.person(someone));
        assertThat(org.openler.standards.did.DidWeb.forOrganization("localhost", longest.slug())
                        .value())
                .endsWith(longest.slug());
    }
}
