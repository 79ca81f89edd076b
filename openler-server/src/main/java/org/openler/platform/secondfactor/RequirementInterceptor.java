package org.openler.platform.secondfactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.problems.ProblemResponses;
import org.openler.platform.security.OrganizationDirectory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An organization that requires a second factor keeps its routes closed to staff members who have none: after the
 * access check (which has already refused strangers), a person without a second factor is sent to set one up (pages)
 * or refused with 403 (API). Machine clients are not people and are not affected.
 */
@Configuration
class RequirementInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final SecondFactors factors;
    private final OrganizationDirectory organizations;

    RequirementInterceptor(SecondFactors factors, OrganizationDirectory organizations) {
        this.factors = factors;
        this.organizations = organizations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the language and access interceptors (order 0): only callers the access check let through get here
        registry.addInterceptor(this).order(100);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null
                || access.value() != Audience.ORGANIZATION_STAFF
                || !(Actors.current() instanceof Actor.Person person)) {
            return true;
        }
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get(access.organizationVariable()) instanceof String slug)) {
            return true;
        }
        // a person whose lost factor was reset is kept out of every organization's routes until they enrol again
        boolean reset = factors.resetPending(person.accountId());
        boolean blocked = reset
                || organizations.findIdBySlug(slug).filter(factors::requiredBy).isPresent();
        if (!blocked || factors.hasSecondFactor(person.accountId())) {
            return true;
        }
        if (ProblemResponses.wantsHtml(request) && "GET".equals(request.getMethod())) {
            response.sendRedirect(SecondFactorFlow.ENROLMENT + (reset ? "?reset" : "?required"));
            return false;
        }
        throw new PlatformException(
                Problem.FORBIDDEN,
                "This organization requires a second factor: set up a passkey or an authenticator app first.");
    }
}
