package org.openler.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.PersonPrincipal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: who is signed in, the language, and the current path. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("me")
    @org.jspecify.annotations.Nullable
    PersonPrincipal me() {
        return Actors.currentPerson().orElse(null);
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage().equals("es") ? "es" : "en";
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
