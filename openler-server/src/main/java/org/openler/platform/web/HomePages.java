package org.openler.platform.web;

import java.util.List;
import org.openler.platform.identity.Access;
import org.openler.platform.identity.AccountKind;
import org.openler.platform.identity.Actor;
import org.openler.platform.identity.Actors;
import org.openler.platform.identity.Audience;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page, and each kind of user's home: learners get their record, staff their organizations. */
@Controller
class HomePages {

    private final OrganizationService organizations;

    HomePages(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    @Access(Audience.PUBLIC)
    String landing() {
        return "index";
    }

    @GetMapping("/home")
    @Access(Audience.SIGNED_IN)
    String home(Model model) {
        Actor.Person person = (Actor.Person) Actors.current();
        if (person.kind() == AccountKind.LEARNER) {
            return "learner/home";
        }
        List<Organization> mine = organizations.ofAccount(person.accountId());
        if (mine.size() == 1) {
            return "redirect:/orgs/" + mine.get(0).slug();
        }
        model.addAttribute("organizations", mine);
        return "staff/home";
    }
}
