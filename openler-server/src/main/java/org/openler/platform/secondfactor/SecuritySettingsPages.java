package org.openler.platform.secondfactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.kernel.Power;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.security.OrganizationDirectory;
import org.openler.platform.security.SignedIn;
import org.openler.platform.web.QrCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in security in the account settings: passkeys (added through Spring Security's WebAuthn endpoints by the
 * page's script, removed here), an authenticator app, recovery codes; and an organization admin's requirement.
 * Secrets and recovery codes are shown once, in the answer to the request that made them, never stored in clear.
 */
@Controller
class SecuritySettingsPages {

    private final SecondFactors factors;
    private final OrganizationDirectory organizations;
    private final JdbcClient jdbc;

    SecuritySettingsPages(SecondFactors factors, OrganizationDirectory organizations, JdbcClient jdbc) {
        this.factors = factors;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    /** A passkey as listed on the page. */
    record Passkey(String id, String label) {}

    @GetMapping(SecondFactorFlow.ENROLMENT)
    @Access(Audience.SIGNED_IN)
    String settings(Model model) {
        return page(SignedIn.principal(), model);
    }

    @PostMapping(SecondFactorFlow.ENROLMENT + "/totp")
    @Access(Audience.SIGNED_IN)
    String beginTotp(Model model) {
        PersonPrincipal person = SignedIn.principal();
        SecondFactors.TotpEnrolment enrolment = factors.beginTotp(person.accountId(), person.getUsername());
        model.addAttribute("totpSecret", enrolment.secret());
        model.addAttribute("totpQr", QrCodes.svgDataUrl(enrolment.uri()));
        return page(person, model);
    }

    @PostMapping(SecondFactorFlow.ENROLMENT + "/totp/confirm")
    @Access(Audience.SIGNED_IN)
    String confirmTotp(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request) {
        PersonPrincipal person = SignedIn.principal();
        try {
            List<String> codes =
                    factors.confirmTotp(person.accountId(), code.length() <= 20 ? code : "", person.toActor());
            model.addAttribute("notice", "secondFactor.totp.enrolled");
            if (!codes.isEmpty()) {
                model.addAttribute("recoveryCodes", codes);
            }
            stopAsking(request);
        } catch (PlatformException e) {
            if (e.problem() == Problem.INTERNAL) {
                throw e;
            }
            model.addAttribute("error", "secondFactor.totp.wrong");
        }
        return page(person, model);
    }

    @PostMapping(SecondFactorFlow.ENROLMENT + "/totp/remove")
    @Access(Audience.SIGNED_IN)
    String removeTotp(RedirectAttributes redirect) {
        PersonPrincipal person = SignedIn.principal();
        factors.removeTotp(person.accountId(), person.toActor());
        redirect.addFlashAttribute("notice", "secondFactor.totp.removed");
        return "redirect:" + SecondFactorFlow.ENROLMENT;
    }

    @PostMapping(SecondFactorFlow.ENROLMENT + "/recovery-codes")
    @Access(Audience.SIGNED_IN)
    String newRecoveryCodes(Model model) {
        PersonPrincipal person = SignedIn.principal();
        if (!factors.hasSecondFactor(person.accountId())) {
            model.addAttribute("error", "secondFactor.recovery.needFactor");
            return page(person, model);
        }
        model.addAttribute("recoveryCodes", factors.newRecoveryCodes(person.accountId(), person.toActor()));
        return page(person, model);
    }

    @PostMapping(SecondFactorFlow.ENROLMENT + "/passkeys/{id}/remove")
    @Access(Audience.SIGNED_IN)
    String removePasskey(@PathVariable String id, RedirectAttributes redirect) {
        PersonPrincipal person = SignedIn.principal();
        int removed = jdbc.sql("delete from user_credentials where credential_id = ? and user_entity_user_id in"
                        + " (select u.id from user_entities u where u.account_id = ?)")
                .params(id, person.accountId().value())
                .update();
        if (removed == 0) {
            // none of this account's passkeys has that id (another's, or none): nothing is removed, nothing told
            redirect.addFlashAttribute("error", "secondFactor.passkey.notFound");
            return "redirect:" + SecondFactorFlow.ENROLMENT;
        }
        factors.recordRemoved(person.toActor(), person.accountId(), "passkey");
        redirect.addFlashAttribute("notice", "secondFactor.passkey.removed");
        return "redirect:" + SecondFactorFlow.ENROLMENT;
    }

    /**
     * A passkey was just added by the page's script (Spring Security's registration endpoint answered success): record
     * it, and if the account has no recovery codes yet, make them and show them in this answer (once).
     */
    @PostMapping(SecondFactorFlow.ENROLMENT + "/passkeys/added")
    @Access(Audience.SIGNED_IN)
    String passkeyAdded(Model model, HttpServletRequest request) {
        PersonPrincipal person = SignedIn.principal();
        SecondFactors.Status status = factors.status(person.accountId());
        if (status.passkeys() > 0) {
            factors.recordEnrolled(person.toActor(), person.accountId(), "passkey");
            model.addAttribute("notice", "secondFactor.passkey.added");
            if (status.recoveryCodesLeft() == 0) {
                model.addAttribute("recoveryCodes", factors.newRecoveryCodes(person.accountId(), person.toActor()));
            }
            stopAsking(request);
        }
        return page(person, model);
    }

    @PostMapping("/orgs/{org}/security/second-factor")
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String requireForStaff(
            @PathVariable String org,
            @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes redirect) {
        OrganizationId organization = organizations.idOf(org);
        factors.require(organization, required, SignedIn.person());
        redirect.addFlashAttribute("notice", required ? "secondFactor.org.required" : "secondFactor.org.notRequired");
        return "redirect:/orgs/" + org + "/staff";
    }

    private String page(PersonPrincipal person, Model model) {
        model.addAttribute("status", factors.status(person.accountId()));
        model.addAttribute("required", factors.requiredFor(person.accountId()));
        model.addAttribute(
                "passkeys",
                jdbc.sql("select c.credential_id, c.label from user_credentials c join user_entities u"
                                + " on u.id = c.user_entity_user_id where u.account_id = ? order by c.created")
                        .param(person.accountId().value())
                        .query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2)))
                        .list());
        return "secondfactor/settings";
    }

    private static void stopAsking(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SecondFactorFlow.SUGGEST);
        }
    }
}
