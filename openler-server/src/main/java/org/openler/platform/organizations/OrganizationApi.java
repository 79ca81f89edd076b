package org.openler.platform.organizations;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.PublicUrl;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organizations API (JSON). */
@RestController
class OrganizationApi {

    private final OrganizationService organizations;

    OrganizationApi(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record OrganizationView(String slug, String name, String kind) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(
                    organization.slug(),
                    organization.name(),
                    organization.kind().name().toLowerCase());
        }
    }

    record MemberView(String accountId, String displayName, String email, String role) {}

    record InvitationRequest(String email, String role) {}

    record InvitationView(String id, String email, String role, Instant expiresAt) {}

    @GetMapping("/api/v1/orgs/{org}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ORGANIZATION, machineClients = true)
    OrganizationView organization(@PathVariable String org) {
        return OrganizationView.of(organizations.get(org));
    }

    @GetMapping("/api/v1/orgs/{org}/members")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    List<MemberView> members(@PathVariable String org) {
        return organizations.members(organizations.get(org)).stream()
                .map(m -> new MemberView(
                        m.accountId().toString(),
                        m.displayName(),
                        m.email(),
                        m.role().name().toLowerCase()))
                .toList();
    }

    @PostMapping("/api/v1/orgs/{org}/invitations")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    ResponseEntity<InvitationView> invite(@PathVariable String org, @RequestBody InvitationRequest request) {
        Organization organization = organizations.get(org);
        String email = request.email() == null ? "" : request.email();
        StaffRole role = OrganizationPages.parseRole(request.role() == null ? "" : request.role());
        organizations.invite(organization, email, role, SignedIn.person(), PublicUrl.current());
        Invitation created = organizations.openInvitations(organization).stream()
                .filter(i -> i.email().equalsIgnoreCase(email.strip()))
                .reduce((a, b) -> b)
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + org + "/invitations/" + created.id()))
                .body(new InvitationView(
                        created.id().toString(),
                        created.email(),
                        created.role().name().toLowerCase(),
                        created.expiresAt()));
    }
}
