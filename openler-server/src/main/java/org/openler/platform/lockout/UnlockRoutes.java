package org.openler.platform.lockout;

import java.util.UUID;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.Power;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.security.OrganizationDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Unlocking: an organization's admin for its own staff and machine clients, the platform operator for any account
 * (learners have no organization to ask). Each unlock is an audit event.
 */
@Controller
class UnlockRoutes {

    private final SignInThrottle throttle;
    private final OrganizationDirectory organizations;
    private final AccountService accounts;
    private final MachineClientService clients;

    UnlockRoutes(
            SignInThrottle throttle,
            OrganizationDirectory organizations,
            AccountService accounts,
            MachineClientService clients) {
        this.throttle = throttle;
        this.organizations = organizations;
        this.accounts = accounts;
        this.clients = clients;
    }

    @PostMapping("/orgs/{org}/staff/{account}/unlock")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String unlockStaff(@PathVariable String org, @PathVariable UUID account, RedirectAttributes redirect) {
        OrganizationId organization = organizations.idOf(org);
        AccountId id = new AccountId(account);
        // Only the organization's own staff: an admin of one organization cannot unlock a stranger's account.
        Account member = organizations
                .roleOf(id, organization)
                .flatMap(role -> accounts.find(id))
                .orElseThrow(() -> PlatformException.notFound("The staff member"));
        throttle.unlockAccount(member, Actors.current(), organization);
        redirect.addFlashAttribute("notice", "lockout.unlocked");
        return "redirect:/orgs/" + org + "/staff";
    }

    @PostMapping("/orgs/{org}/clients/{clientId}/unlock")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_CLIENTS)
    String unlockClient(@PathVariable String org, @PathVariable String clientId, RedirectAttributes redirect) {
        OrganizationId organization = organizations.idOf(org);
        if (!clients.organizationOf(clientId).filter(organization::equals).isPresent()) {
            throw PlatformException.notFound("The client");
        }
        throttle.unlockClient(clientId, Actors.current(), organization);
        redirect.addFlashAttribute("notice", "lockout.unlocked");
        return "redirect:/orgs/" + org + "/clients";
    }

    /** Which account the operator unlocks, by its e-mail address. */
    record UnlockRequest(String email) {}

    @PostMapping("/api/v1/operator/sign-in-locks/unlock")
    @Access(Audience.OPERATOR)
    ResponseEntity<Void> unlockAnyAccount(@RequestBody UnlockRequest request) {
        Account account =
                accounts.findByEmail(request.email()).orElseThrow(() -> PlatformException.notFound("The account"));
        throttle.unlockAccount(account, Actors.current(), null);
        return ResponseEntity.noContent().build();
    }
}
