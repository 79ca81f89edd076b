package org.openler.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.openler.platform.kernel.Actors;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place exceptions become responses: problem+json for programs, a readable error page for people, a
 * redirect to sign-in for a person who is not signed in. Server faults are logged with an id the page shows; client
 * mistakes are not logged as errors.
 */
@ControllerAdvice
// First among the advices: Spring Boot's own problem-details advice (spring.mvc.problemdetails.enabled) handles
// Spring MVC's exceptions (unreadable body, wrong content type, type mismatch) and otherwise answered before this one,
// with no problem type, generic titles and JSON even for browsers. Found by BadInputIT.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(Exception.class)
    Object handle(Exception error, HttpServletRequest request, HttpServletResponse response) {
        ProblemMapping.Mapped mapped = ProblemMapping.map(error);
        String instance = request.getRequestURI();
        if (mapped.problem() == Problem.SERVICE_UNAVAILABLE) {
            // Expected during a database outage: one line, no stack trace, and the client is told when to retry.
            log.warn(
                    "Service unavailable on {} {}: {}",
                    request.getMethod(),
                    instance,
                    error.getClass().getName());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(TransientFailures.RETRY_AFTER_SECONDS));
        }
        if (mapped.problem() == Problem.INTERNAL) {
            String incident = UUID.randomUUID().toString();
            log.error("Unhandled error {} on {} {}", incident, request.getMethod(), instance, error);
            instance = "urn:openler:incident:" + incident;
        }
        if (ProblemResponses.wantsHtml(request)) {
            if (mapped.problem() == Problem.UNAUTHENTICATED) {
                String path = request.getRequestURI();
                boolean simple = "GET".equals(request.getMethod()) && path.matches("^/[A-Za-z0-9/_-]*$");
                return new ModelAndView("redirect:/login" + (simple ? "?continue=" + path : ""));
            }
            ModelAndView page = new ModelAndView("error");
            // @ModelAttribute methods do not run for exception views: give the layout what LayoutModel would.
            page.addObject("me", Actors.currentPerson().orElse(null));
            page.addObject("lang", LocaleContextHolder.getLocale().getLanguage().equals("es") ? "es" : "en");
            page.addObject("currentPath", request.getRequestURI());
            page.setStatus(mapped.problem().status());
            page.addObject("status", mapped.problem().status().value());
            page.addObject("problem", mapped.problem().slug());
            page.addObject("detail", mapped.detail());
            page.addObject("fieldErrors", mapped.fieldErrors());
            page.addObject("instance", instance);
            return page;
        }
        ProblemDetail body = ProblemResponses.detail(mapped.problem(), mapped.detail(), mapped.fieldErrors(), instance);
        return ResponseEntity.status(mapped.problem().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
