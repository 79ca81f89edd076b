package org.openler.platform.web;

import java.util.Arrays;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Documents each problem type at {@code /problems/<slug>}, so a {@code type} URI leads somewhere useful. */
@Controller
class ProblemTypePages {

    @GetMapping("/problems")
    @Access(Audience.PUBLIC)
    String all(Model model) {
        model.addAttribute("problems", Problem.values());
        return "problems";
    }

    @GetMapping("/problems/{slug}")
    @Access(Audience.PUBLIC)
    String one(@PathVariable String slug, Model model) {
        Problem problem = Arrays.stream(Problem.values())
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> PlatformException.notFound("That problem type"));
        model.addAttribute("problems", new Problem[] {problem});
        return "problems";
    }
}
