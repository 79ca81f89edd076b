package org.openler.platform.presentations;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.openler.platform.issuing.SdJwtIssuing;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.Power;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An organization's presentation requests: ask for a credential (which type, which claims, why), show the request as
 * an {@code openid4vp://} link (and a link into OpenLER's own wallet), and the verified answer in plain words.
 */
@Controller
class VerifierPages {

    /** The claims a request may ask for, in the order the form lists them. */
    static final List<String> CLAIMS = List.of(
            "achievement_name",
            "achievement_description",
            "achievement_criteria",
            "achievement_type",
            "alignments",
            "email",
            "sub");

    private final OrganizationService organizations;
    private final PresentationRequests requests;
    private final Clock clock;

    VerifierPages(OrganizationService organizations, PresentationRequests requests, Clock clock) {
        this.organizations = organizations;
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping("/orgs/{org}/presentation-requests")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.REQUEST_PRESENTATIONS)
    String list(@PathVariable String org, Model model) {
        Organization organization = organizations.get(org);
        model.addAttribute("organization", organization);
        model.addAttribute("requests", requests.list(organization.id()));
        model.addAttribute("claims", CLAIMS);
        model.addAttribute("now", clock.instant());
        return "presentations/requests";
    }

    @PostMapping("/orgs/{org}/presentation-requests")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.REQUEST_PRESENTATIONS)
    String create(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = AuthorizationRequest.SD_JWT_FORMAT) String format,
            @RequestParam(defaultValue = "") String vct,
            @RequestParam(name = "claim", required = false) List<String> claims) {
        Organization organization = organizations.get(org);
        List<String> asked =
                claims == null ? List.of() : claims.stream().distinct().toList();
        if (asked.size() > SdJwtIssuing.DISCLOSABLE.size()) {
            throw PlatformException.invalid("claims", "Too many claims.");
        }
        UUID id = requests.create(
                organization.id(),
                new PresentationRequests.Ask(
                        purpose.strip(),
                        format,
                        vct.strip(),
                        format.equals(AuthorizationRequest.SD_JWT_FORMAT) ? asked : List.of()),
                Actors.current());
        return "redirect:/orgs/" + org + "/presentation-requests/" + id;
    }

    @GetMapping("/orgs/{org}/presentation-requests/{id}")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.REQUEST_PRESENTATIONS)
    String show(@PathVariable String org, @PathVariable UUID id, Model model) {
        Organization organization = organizations.get(org);
        PresentationRequests.Request request = requests.find(organization.id(), id)
                .orElseThrow(() -> PlatformException.notFound("The presentation request"));
        model.addAttribute("organization", organization);
        model.addAttribute("request", request);
        model.addAttribute("open", request.open(clock.instant()));
        model.addAttribute("link", request.authorization().link());
        model.addAttribute(
                "walletLink", "/wallet/present?" + request.authorization().query());
        model.addAttribute("results", PresentationRequests.shown(request.result()));
        return "presentations/request";
    }
}
