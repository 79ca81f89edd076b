package org.openler.platform.clients;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.security.OrganizationDirectory;
import org.openler.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's machine clients, managed by its admins. A secret is shown once, right after it is made. */
@Controller
class ClientPages {

    private final MachineClientService clients;
    private final OrganizationDirectory organizations;

    ClientPages(MachineClientService clients, OrganizationDirectory organizations) {
        this.clients = clients;
        this.organizations = organizations;
    }

    @GetMapping("/orgs/{org}/clients")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_CLIENTS)
    String list(@PathVariable String org, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("clients", clients.list(organizations.idOf(org)));
        model.addAttribute("scopes", MachineClientService.SCOPES);
        return "clients/list";
    }

    @PostMapping("/orgs/{org}/clients")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_CLIENTS)
    String create(@PathVariable String org, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            MachineClientService.Created created =
                    clients.create(organizations.idOf(org), org, name, SignedIn.person());
            redirect.addFlashAttribute("newClientId", created.client().clientId());
            redirect.addFlashAttribute("newSecret", created.secret());
        } catch (PlatformException e) {
            redirect.addFlashAttribute("error", e.personMessage());
        }
        return "redirect:/orgs/" + org + "/clients";
    }

    @PostMapping("/orgs/{org}/clients/{clientId}/secret")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_CLIENTS)
    String rotate(@PathVariable String org, @PathVariable String clientId, RedirectAttributes redirect) {
        String secret = clients.rotateSecret(organizations.idOf(org), clientId, SignedIn.person());
        redirect.addFlashAttribute("newClientId", clientId);
        redirect.addFlashAttribute("newSecret", secret);
        return "redirect:/orgs/" + org + "/clients";
    }

    @PostMapping("/orgs/{org}/clients/{clientId}/delete")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_CLIENTS)
    String delete(@PathVariable String org, @PathVariable String clientId, RedirectAttributes redirect) {
        clients.delete(organizations.idOf(org), clientId, SignedIn.person());
        redirect.addFlashAttribute("notice", "clients.deleted");
        return "redirect:/orgs/" + org + "/clients";
    }
}
