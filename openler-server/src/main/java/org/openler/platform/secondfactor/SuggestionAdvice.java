package org.openler.platform.secondfactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Asks staff who can issue, revoke or manage keys, and who signed in with a password alone, to set up a second factor:
 * the layout shows a line with a link to the settings until they do (a session flag set at sign-in, no query per page).
 */
@ControllerAdvice
class SuggestionAdvice {

    @ModelAttribute("secondFactorSuggested")
    boolean secondFactorSuggested(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(SecondFactorFlow.SUGGEST));
    }
}
