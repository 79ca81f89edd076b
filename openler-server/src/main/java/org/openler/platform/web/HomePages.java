package org.openler.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page, and each kind of user's home: learners get their record, staff their organizations. */
@Controller
class HomePages {

    private final OrganizationService organizations;
    private final List<LearnerHomeFacts> facts;

    HomePages(OrganizationService organizations, List<LearnerHomeFacts> facts) {
        this.organizations = organizations;
        this.facts = List.copyOf(facts);
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
            Map<String, Integer> counts = new HashMap<>();
            facts.forEach(fact -> counts.merge(fact.name(), fact.count(person.accountId()), Integer::sum));
            model.addAttribute("skillCount", counts.getOrDefault("skills", 0));
            model.addAttribute("shareCount", counts.getOrDefault("shares", 0));
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
