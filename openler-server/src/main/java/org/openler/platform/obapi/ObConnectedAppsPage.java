package org.openler.platform.obapi;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PersonPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy center's "connected applications": every application the learner let in through the Open Badges or
 * CLR API, with what it may do, and a button that takes its access away.
 */
@Controller
class ObConnectedAppsPage {

    static final String PATH = "/privacy/apps";

    private final ObConnectedApps apps;

    ObConnectedAppsPage(ObConnectedApps apps) {
        this.apps = apps;
    }

    @GetMapping(PATH)
    @Access(Audience.LEARNER)
    String list(@RequestParam(value = "revoked", required = false) @Nullable String revoked, Model model) {
        model.addAttribute("apps", apps.list(principalNames()));
        model.addAttribute("revoked", revoked != null);
        return "obapi/apps";
    }

    @PostMapping(PATH + "/{application}/revoke")
    @Access(Audience.LEARNER)
    String revoke(@PathVariable("application") String clientId) {
        apps.revoke((Actor.Person) Actors.current(), principalNames(), clientId);
        return "redirect:" + PATH + "?revoked";
    }

    /** The names the authorization server may have recorded the learner's consent under. */
    private static Set<String> principalNames() {
        Set<String> names = new LinkedHashSet<>();
        Actors.currentPerson().map(PersonPrincipal::getUsername).ifPresent(names::add);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            names.add(authentication.getName());
        }
        return names;
    }
}
