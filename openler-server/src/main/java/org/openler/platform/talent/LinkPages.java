package org.openler.platform.talent;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link in an employee-link e-mail (EN/ES): {@code /talent/links/{token}} says which employer asks and what
 * linking means, and a signed-in learner links or declines there. Anyone holding the link may read whose invitation
 * it is (as with staff invitations); only a learner may answer it. An unknown token is 404.
 */
@Controller
class LinkPages {

    private final Employees employees;

    LinkPages(Employees employees) {
        this.employees = employees;
    }

    @GetMapping("/talent/links/{token}")
    @Access(Audience.PUBLIC)
    String page(@PathVariable String token, Model model) {
        Employees.Offer offer = employees.offer(token).orElseThrow(() -> PlatformException.notFound("The invitation"));
        model.addAttribute("offer", offer);
        model.addAttribute("token", token);
        model.addAttribute("open", offer.state() == Employees.State.INVITED);
        model.addAttribute("signedIn", Actors.current() instanceof Actor.Person);
        return "talent/link";
    }

    @PostMapping("/talent/links/{token}")
    @Access(Audience.LEARNER)
    String answer(
            @PathVariable String token, @RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
        // an unknown link reaches nothing, whatever else is sent: 404 before the answer is looked at
        employees.offer(token).orElseThrow(() -> PlatformException.notFound("The invitation"));
        if (!answer.equals("link") && !answer.equals("decline")) {
            throw PlatformException.invalid("answer", "Answer link or decline.");
        }
        employees.answerLink(LearnerTalentApi.learner(), token, answer.equals("link"));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/me/talent#employers";
    }
}
