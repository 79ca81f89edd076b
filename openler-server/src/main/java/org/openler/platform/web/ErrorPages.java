package org.openler.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen outside the controllers (in filters, or in the servlet container) arrive here. Same vocabulary
 * as {@link ErrorHandling}.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    @Access(Audience.PUBLIC)
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // A direct request for /error (not the container forwarding an error here) carries no status: there is
        // nothing at this address, so it is a 404, not a fault on our side. Found by AuthorizationMatrixIT.
        int status = code instanceof Integer i ? i : 404;
        Problem problem = problemFor(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        if (!ProblemResponses.wantsHtml(request)) {
            ProblemResponses.write(response, ProblemResponses.detail(problem, problem.title() + ".", List.of(), path));
            return null;
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("problem", problem.slug());
        page.addObject("detail", problem.title() + ".");
        page.addObject("fieldErrors", List.of());
        page.addObject("instance", path);
        return page;
    }

    static Problem problemFor(int status) {
        for (Problem problem : Problem.values()) {
            if (problem.status().value() == status) {
                return problem;
            }
        }
        return status >= 500 ? Problem.INTERNAL : Problem.MALFORMED_REQUEST;
    }
}
