package org.openler.platform.presentations;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's side of OpenID4VP: open a request (the link's parameters, or a pasted {@code openid4vp://} link), see
 * who asks what and why, choose the credential and the claims, consent; and the list of presentations made.
 */
@Controller
class PresentPages {

    private final WalletPresenting presenting;
    private final PresentationsMade made;

    PresentPages(WalletPresenting presenting, PresentationsMade made) {
        this.presenting = presenting;
        this.made = made;
    }

    @GetMapping("/wallet/present")
    @Access(Audience.LEARNER)
    String open(@RequestParam(defaultValue = "") String request, HttpServletRequest http, Model model) {
        Map<String, String> parameters = new LinkedHashMap<>();
        http.getParameterMap().forEach((name, values) -> parameters.put(name, values.length == 1 ? values[0] : ""));
        if (request.isEmpty() && !parameters.containsKey("client_id")) {
            return "presentations/paste";
        }
        AuthorizationRequest parsed =
                request.isEmpty() ? AuthorizationRequest.of(parameters) : AuthorizationRequest.fromLink(request);
        model.addAttribute("reading", presenting.read(learner().accountId(), parsed));
        model.addAttribute("requestLink", parsed.link());
        return "presentations/consent";
    }

    @PostMapping("/wallet/present")
    @Access(Audience.LEARNER)
    String present(
            @RequestParam(defaultValue = "") String request,
            @RequestParam(defaultValue = "") String credential,
            @RequestParam(name = "claim", required = false) @Nullable List<String> claims,
            RedirectAttributes redirect) {
        AuthorizationRequest parsed = AuthorizationRequest.fromLink(request);
        UUID chosen;
        try {
            chosen = UUID.fromString(credential);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("credential", "Choose one of the credentials listed.");
        }
        presenting.present(learner().accountId(), parsed, chosen, new HashSet<>(claims == null ? List.of() : claims));
        redirect.addFlashAttribute("presented", true);
        return "redirect:/wallet/presentations";
    }

    @GetMapping("/wallet/presentations")
    @Access(Audience.LEARNER)
    String list(Model model) {
        model.addAttribute("made", made.list(learner().accountId()));
        return "presentations/made";
    }

    private static Actor.Person learner() {
        return (Actor.Person) Actors.current();
    }
}
