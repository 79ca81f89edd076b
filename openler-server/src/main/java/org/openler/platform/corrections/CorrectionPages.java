package org.openler.platform.corrections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's correction requests (linked from the privacy center) and the issuing organization's list. */
@Controller
class CorrectionPages {

    private final CorrectionRequests requests;
    private final Wallet wallet;
    private final OrganizationService organizations;

    CorrectionPages(CorrectionRequests requests, Wallet wallet, OrganizationService organizations) {
        this.requests = requests;
        this.wallet = wallet;
        this.organizations = organizations;
    }

    @GetMapping("/privacy/corrections")
    @Access(Audience.LEARNER)
    String mine(Model model, HttpServletResponse response) {
        Actor.Person me = (Actor.Person) Actors.current();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("credentials", wallet.issuedHere(me.accountId()));
        model.addAttribute("requests", requests.mine(me.accountId()));
        return "privacy/corrections";
    }

    @PostMapping("/privacy/corrections")
    @Access(Audience.LEARNER)
    String request(
            @RequestParam(defaultValue = "") String credential,
            @RequestParam(defaultValue = "") String message,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            requests.request(
                    (Actor.Person) Actors.current(), new HeldCredentialId(uuid(credential, "credential")), message);
        } catch (PlatformException refused) {
            PageRefusals.showOnPage(refused, "requestError", model, request, response);
            return mine(model, response);
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/privacy/corrections";
    }

    @GetMapping("/orgs/{org}/corrections")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ISSUED)
    String organization(@PathVariable String org, Model model, HttpServletResponse response) {
        Organization organization = organizations.get(org);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("organization", organization);
        model.addAttribute("requests", requests.toOrganization(organization.id()));
        return "privacy/org-corrections";
    }

    @PostMapping("/orgs/{org}/corrections/{id}/answer")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.ANSWER_CORRECTIONS)
    String answer(
            @PathVariable String org,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reply,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        CorrectionRequest.State state = switch (outcome) {
            case "resolved" -> CorrectionRequest.State.RESOLVED;
            case "declined" -> CorrectionRequest.State.DECLINED;
            default -> throw PlatformException.invalid("outcome", "Choose resolved or declined.");
        };
        requests.answer(organization.id(), id, state, reply, Actors.current());
        redirect.addFlashAttribute("answered", true);
        return "redirect:/orgs/" + organization.slug() + "/corrections";
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid(
                    field, "Choose one of your credentials issued by an organization on OpenLER.");
        }
    }
}
