package org.openler.platform.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page answers a refusal of what a person sent: on the page, as a message next to the form, rather than as an
 * error page. Each page says which refusals it can show; any other is thrown to the central mapping (the error page
 * for a person, {@code application/problem+json} for a program).
 */
public final class PageRefusals {

    private PageRefusals() {}

    /**
     * Runs a form's change and says whether it went through. A refusal that {@code shown} accepts is flashed as
     * {@code attribute} (its {@link PlatformException#personMessage() message}) for the page the caller redirects
     * back to; any other is thrown.
     */
    public static boolean flashed(
            Runnable change, RedirectAttributes redirect, String attribute, Predicate<PlatformException> shown) {
        try {
            change.run();
            return true;
        } catch (PlatformException refused) {
            if (!shown.test(refused)) {
                throw refused;
            }
            redirect.addFlashAttribute(attribute, refused.personMessage());
            return false;
        }
    }

    /** Refusals of what was typed: those that name the wrong fields. */
    public static boolean namingFields(PlatformException refused) {
        return !refused.fieldErrors().isEmpty();
    }

    /** Every refusal but those of the given problems, which need the error page (e.g. a page that is not there). */
    public static Predicate<PlatformException> allBut(Problem first, Problem... more) {
        Set<Problem> thrown = EnumSet.of(first, more);
        return refused -> !thrown.contains(refused.problem());
    }

    /** Refusals of the given problems only. */
    public static Predicate<PlatformException> only(Problem first, Problem... more) {
        Set<Problem> shown = EnumSet.of(first, more);
        return refused -> shown.contains(refused.problem());
    }

    /** Every refusal. */
    public static boolean any(PlatformException refused) {
        return true;
    }

    /**
     * A refusal shown on the page being rendered again: a program (which does not ask for HTML) gets it thrown, as
     * {@code application/problem+json}; a person's answer gets the refusal's status and its message as
     * {@code attribute}, and the caller renders the page.
     */
    public static void showOnPage(
            PlatformException refused,
            String attribute,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!ProblemResponses.wantsHtml(request)) {
            throw refused;
        }
        response.setStatus(refused.problem().status().value());
        model.addAttribute(attribute, refused.personMessage());
    }
}
