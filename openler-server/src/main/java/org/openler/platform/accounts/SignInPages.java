package org.openler.platform.accounts;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PublicUrl;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in (the form posts to Spring Security), forgotten password and password reset. */
@Controller
class SignInPages {

    private final AccountService accounts;

    SignInPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    @Access(Audience.PUBLIC)
    String login() {
        return "accounts/login";
    }

    @GetMapping("/password/forgot")
    @Access(Audience.PUBLIC)
    String forgot() {
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    @Access(Audience.PUBLIC)
    String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
        if (email.length() <= 320) {
            accounts.requestPasswordReset(email, PublicUrl.current());
        }
        model.addAttribute("sent", true);
        return "accounts/forgot";
    }

    @GetMapping("/password/reset/{token}")
    @Access(Audience.PUBLIC)
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", accounts.isResetTokenValid(token));
        return "accounts/reset";
    }

    @PostMapping("/password/reset/{token}")
    @Access(Audience.PUBLIC)
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model) {
        try {
            accounts.resetPassword(token, password);
            return "redirect:/login?reset";
        } catch (PlatformException e) {
            model.addAttribute("token", token);
            model.addAttribute("valid", accounts.isResetTokenValid(token));
            model.addAttribute("error", e.personMessage());
            return "accounts/reset";
        }
    }
}
