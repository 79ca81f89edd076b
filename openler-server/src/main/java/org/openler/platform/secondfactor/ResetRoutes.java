package org.openler.platform.secondfactor;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.Power;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.security.OrganizationDirectory;
import org.openler.platform.security.SignInGuard;
import org.openler.platform.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Resetting a lost second factor: an organization's admin for its own staff (a page reached from the staff page), the
 * platform operator for any account (an API, as for unlocking). Both state how the holder's identity was checked
 * again and confirm with their own password, which the sign-in throttle counts like any password; an admin also
 * types the holder's e-mail address, so the wrong row of the staff table is not reset by a slip.
 */
@Controller
class ResetRoutes {

    private final SecondFactorResets resets;
    private final SecondFactors factors;
    private final OrganizationDirectory organizations;
    private final AccountService accounts;
    private final UserDetailsService people;
    private final PasswordEncoder passwords;
    private final SignInGuard guard;

    ResetRoutes(
            SecondFactorResets resets,
            SecondFactors factors,
            OrganizationDirectory organizations,
            AccountService accounts,
            UserDetailsService people,
            PasswordEncoder passwords,
            SignInGuard guard) {
        this.resets = resets;
        this.factors = factors;
        this.organizations = organizations;
        this.accounts = accounts;
        this.people = people;
        this.passwords = passwords;
        this.guard = guard;
    }

    private static final String PAGE = "/orgs/{org}/staff/{account}/second-factor/reset";

    @GetMapping(PAGE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String resetPage(@PathVariable String org, @PathVariable UUID account, Model model) {
        Account member = staffMember(organizations.idOf(org), account);
        return page(org, member, model);
    }

    @PostMapping(PAGE)
    @Access(value = Audience.ORGANIZATION_STAFF, power = Power.MANAGE_STAFF)
    String resetStaff(
            @PathVariable String org,
            @PathVariable UUID account,
            @RequestParam(defaultValue = "") String identityCheck,
            @RequestParam(defaultValue = "") String confirmEmail,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        OrganizationId organization = organizations.idOf(org);
        Account member = staffMember(organization, account);
        Actor.Person admin = SignedIn.person();
        String error = null;
        SecondFactorResets.IdentityCheck how = null;
        try {
            how = SecondFactorResets.IdentityCheck.parse(identityCheck);
        } catch (PlatformException missing) {
            error = "secondFactor.reset.needCheck";
        }
        if (error == null && !member.email().value().equalsIgnoreCase(confirmEmail.strip())) {
            error = "secondFactor.reset.emailMismatch";
        }
        if (error == null && !passwordConfirmed(admin, password, request)) {
            error = "secondFactor.reset.wrongPassword";
        }
        if (error == null && member.id().equals(admin.accountId())) {
            error = "secondFactor.reset.notYourOwn";
        }
        if (error != null || how == null) {
            model.addAttribute("error", error);
            return page(org, member, model);
        }
        resets.reset(member, how, admin, organization);
        redirect.addFlashAttribute("notice", "secondFactor.reset.done");
        return "redirect:/orgs/" + org + "/staff";
    }

    /** The operator's reset, for any account (a learner has no organization to ask). */
    record OperatorReset(
            @Nullable String email,
            @Nullable String identityCheck,
            @Nullable String password) {}

    @PostMapping("/api/v1/operator/second-factor/reset")
    @Access(Audience.OPERATOR)
    ResponseEntity<Void> resetAnyAccount(@RequestBody OperatorReset body, HttpServletRequest request) {
        SecondFactorResets.IdentityCheck how = SecondFactorResets.IdentityCheck.parse(body.identityCheck());
        if (body.email() == null || body.email().isBlank() || body.email().length() > 320) {
            throw PlatformException.invalid("email", "The e-mail address of the account is required.");
        }
        Account holder =
                accounts.findByEmail(body.email()).orElseThrow(() -> PlatformException.notFound("The account"));
        Actor.Person operator = SignedIn.person();
        if (!passwordConfirmed(operator, body.password() == null ? "" : body.password(), request)) {
            throw PlatformException.invalid("password", "Confirm the reset with your own password (it was not right).");
        }
        resets.reset(holder, how, operator, null);
        return ResponseEntity.noContent().build();
    }

    /**
     * The resetter's own password, checked again (step-up) behind the same throttle as the sign-in form: a session left
     * open is not enough to strip someone's second factor.
     */
    private boolean passwordConfirmed(Actor.Person by, String password, HttpServletRequest request) {
        Account self = accounts.find(by.accountId()).orElseThrow(() -> PlatformException.notFound("Your account"));
        if (password.isEmpty() || password.length() > 200) {
            return false;
        }
        SignInGuard.Attempt attempt = new SignInGuard.Attempt(
                SignInGuard.Channel.PASSWORD, self.email().value().toLowerCase(Locale.ROOT), request.getRemoteAddr());
        if (guard.begin(attempt) instanceof SignInGuard.Wait) {
            return false;
        }
        boolean right;
        try {
            UserDetails details = people.loadUserByUsername(self.email().value());
            right = details.getPassword() != null && passwords.matches(password, details.getPassword());
        } catch (UsernameNotFoundException noPassword) {
            right = false; // signs in only through an external provider: no password to confirm with
        }
        guard.settle(attempt, right);
        return right;
    }

    private String page(String org, Account member, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("member", member);
        model.addAttribute("status", factors.status(member.id()));
        model.addAttribute("checks", SecondFactorResets.IdentityCheck.values());
        return "secondfactor/reset";
    }

    private Account staffMember(OrganizationId organization, UUID account) {
        AccountId id = new AccountId(account);
        // Only the organization's own staff: an admin of one organization cannot reset a stranger's factor.
        return organizations
                .roleOf(id, organization)
                .flatMap(role -> accounts.find(id))
                .orElseThrow(() -> PlatformException.notFound("The staff member"));
    }
}
