package org.openler.platform.issuers;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A provider's keys page: its DID, every signing key it has had, and the rotation of the current one. */
@Controller
class IssuerKeysPages {

    private final OrganizationService organizations;
    private final Issuers issuers;
    private final IssuerKeys keys;

    IssuerKeysPages(OrganizationService organizations, Issuers issuers, IssuerKeys keys) {
        this.organizations = organizations;
        this.issuers = issuers;
        this.keys = keys;
    }

    @GetMapping("/orgs/{org}/keys")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_KEYS)
    String keys(@PathVariable String org, Model model) {
        Organization organization = organizations.get(org);
        Issuer issuer = issuers.of(organization);
        keys.signingKey(issuer); // as with did.json: a provider has a DID from the moment anyone asks
        model.addAttribute("organization", organization);
        model.addAttribute("did", issuer.did().value());
        model.addAttribute("keys", keys.published(organization.id()));
        return "issuing/keys";
    }

    @PostMapping("/orgs/{org}/keys/rotate")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_KEYS)
    String rotate(@PathVariable String org, RedirectAttributes redirect) {
        Issuer issuer = issuers.get(org);
        keys.signingKey(issuer);
        String keyId = keys.rotate(issuer, SignedIn.person());
        redirect.addFlashAttribute("notice", "keys.rotated");
        redirect.addFlashAttribute("newKey", keyId);
        return "redirect:/orgs/" + org + "/keys";
    }
}
