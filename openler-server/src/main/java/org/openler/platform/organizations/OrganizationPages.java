package org.openler.platform.organizations;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.PublicUrl;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.problems.PageRefusals;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's pages: its home (its public profile for others), its staff and invitations, its audit log. */
@Controller
class OrganizationPages {

    private final OrganizationService organizations;
    private final AuditLog audit;
    private final AuditSentences sentences;
    private final PlatformUrls urls;

    OrganizationPages(OrganizationService organizations, AuditLog audit, AuditSentences sentences, PlatformUrls urls) {
        this.organizations = organizations;
        this.audit = audit;
        this.sentences = sentences;
        this.urls = urls;
    }

    /**
     * The organization's address, which its credentials name as {@code issuer.url}: its staff's home for its staff;
     * for everyone else the issuer's public profile, a page for people and OB 3.0 {@code Profile} JSON-LD for programs
     * (it once answered a verifier's reader 401).
     */
    @GetMapping("/orgs/{org}")
    @Access(Audience.PUBLIC)
    ModelAndView home(@PathVariable String org, HttpServletRequest request) {
        Organization organization = organizations.get(org);
        Optional<StaffRole> staff = switch (Actors.current()) {
            case Actor.Person p
            when p.operator() ->
                Optional.of(
                        organizations.roleOf(p.accountId(), organization.id()).orElse(StaffRole.VIEWER));
            case Actor.Person p -> organizations.roleOf(p.accountId(), organization.id());
            default -> Optional.empty();
        };
        if (staff.isEmpty()) {
            return IssuerProfilePage.answer(organization, urls, request);
        }
        ModelAndView page = new ModelAndView("organizations/home");
        page.addObject("organization", organization);
        page.addObject("role", staff.get());
        page.addObject(
                "can",
                OrganizationPowers.held(organization.kind(), staff.get()).stream()
                        .map(Power::name)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        return page;
    }

    @GetMapping("/orgs/{org}/staff")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.VIEW_ORGANIZATION)
    String staff(@PathVariable String org, Model model) {
        Organization organization = organizations.get(org);
        model.addAttribute("organization", organization);
        model.addAttribute("role", organizations.roleOfActing(organization));
        model.addAttribute("members", organizations.members(organization));
        model.addAttribute("invitations", organizations.openInvitations(organization));
        model.addAttribute("roles", StaffRole.values());
        return "organizations/staff";
    }

    @PostMapping("/orgs/{org}/invitations")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String invite(
            @PathVariable String org,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "VIEWER") String role,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        return staffChange(
                () -> organizations.invite(
                        organization, email, parseRole(role), SignedIn.person(), PublicUrl.current()),
                "invitation.sent",
                Problem.INTERNAL,
                org,
                redirect);
    }

    @PostMapping("/orgs/{org}/staff/{account}/role")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String changeRole(
            @PathVariable String org,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        return staffChange(
                () -> organizations.changeRole(
                        organization, new AccountId(account), parseRole(role), SignedIn.person()),
                "staff.roleChanged",
                Problem.NOT_FOUND,
                org,
                redirect);
    }

    @PostMapping("/orgs/{org}/staff/{account}/remove")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String remove(@PathVariable String org, @PathVariable UUID account, RedirectAttributes redirect) {
        Organization organization = organizations.get(org);
        return staffChange(
                () -> organizations.removeMember(organization, new AccountId(account), SignedIn.person()),
                "staff.removed",
                Problem.NOT_FOUND,
                org,
                redirect);
    }

    @GetMapping("/orgs/{org}/audit")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String audit(@PathVariable String org, Model model, Locale locale) {
        Organization organization = organizations.get(org);
        model.addAttribute("organization", organization);
        model.addAttribute(
                "lines", sentences.lines(organization, audit.forOrganization(organization.id(), 200), locale));
        return "organizations/audit";
    }

    @GetMapping("/invitations/{token}")
    @Access(Audience.PUBLIC)
    String invitation(@PathVariable String token, Model model, HttpServletRequest request) {
        Invitation invitation =
                organizations.invitation(token).orElseThrow(() -> PlatformException.notFound("The invitation"));
        model.addAttribute("invitation", invitation);
        model.addAttribute("open", invitation.isOpen(Instant.now()));
        model.addAttribute(
                "organization", organizations.find(invitation.organization()).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("signedIn", Actors.current() instanceof Actor.Person);
        return "organizations/invitation";
    }

    @PostMapping("/invitations/{token}")
    @Access(Audience.SIGNED_IN)
    String accept(@PathVariable String token) {
        Organization organization = organizations.accept(token, SignedIn.person());
        return "redirect:/orgs/" + organization.slug() + "?joined";
    }

    /** A change on the staff page: back to it with the notice, or with the refusal unless it needs the error page. */
    private static String staffChange(
            Runnable change, String notice, Problem errorPage, String org, RedirectAttributes redirect) {
        if (PageRefusals.flashed(change, redirect, "error", PageRefusals.allBut(errorPage))) {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/orgs/" + org + "/staff";
    }

    static StaffRole parseRole(String role) {
        try {
            return StaffRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("role", "Choose admin, issuer or viewer.");
        }
    }
}
