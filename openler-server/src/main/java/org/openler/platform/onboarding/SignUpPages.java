package org.openler.platform.onboarding;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-up page. After sign-up the person signs in (and, if they came from an invitation, goes back to it). */
@Controller
class SignUpPages {

    private final SignUpService signUps;

    SignUpPages(SignUpService signUps) {
        this.signUps = signUps;
    }

    @GetMapping("/signup")
    @Access(Audience.PUBLIC)
    String form(
            @RequestParam(defaultValue = "") String invitation,
            @RequestParam(name = "continue", defaultValue = "") String next,
            Model model) {
        model.addAttribute("next", safePath(next));
        model.addAttribute(
                "form",
                new SignUpService.Form("", "", "", invitation.isEmpty() ? "LEARNER" : "INVITED_STAFF", "", "", ""));
        model.addAttribute("invitation", invitation);
        return "onboarding/signup";
    }

    @PostMapping("/signup")
    @Access(Audience.PUBLIC)
    String signUp(
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "LEARNER") String role,
            @RequestParam(defaultValue = "") String organizationName,
            @RequestParam(defaultValue = "") String organizationSlug,
            @RequestParam(defaultValue = "") String invitation,
            @RequestParam(name = "continue", defaultValue = "") String next,
            Model model) {
        SignUpService.Form form = new SignUpService.Form(
                displayName,
                email,
                password,
                role,
                organizationName,
                organizationSlug,
                LocaleContextHolder.getLocale().getLanguage());
        try {
            signUps.signUp(form);
        } catch (PlatformException e) {
            if (e.problem() != Problem.INVALID_INPUT && e.problem() != Problem.CONFLICT) {
                throw e;
            }
            model.addAttribute(
                    "form",
                    new SignUpService.Form(displayName, email, "", role, organizationName, organizationSlug, ""));
            model.addAttribute("invitation", invitation);
            model.addAttribute("next", safePath(next));
            model.addAttribute("error", e.detail());
            model.addAttribute("fieldErrors", e.fieldErrors());
            return "onboarding/signup";
        }
        if (!invitation.isBlank() && invitation.length() <= 100) {
            return "redirect:/login?registered&continue=/invitations/" + invitation;
        }
        // e.g. back to the claim page that sent a new learner here, so the waiting credential is not lost from view
        String back = safePath(next);
        return back.isEmpty() ? "redirect:/login?registered" : "redirect:/login?registered&continue=" + back;
    }

    /** A path on this site only (the same rule the sign-in's {@code continue} follows), else nothing. */
    static String safePath(String path) {
        boolean safe = path.length() <= 200 && path.matches("^/[A-Za-z0-9/_-]*$") && !path.startsWith("//");
        return safe ? path : "";
    }
}
