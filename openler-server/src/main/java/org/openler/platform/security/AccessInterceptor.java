package org.openler.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.Actors;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces {@link Access} on every handler method before it runs. Fails closed: a handler without the annotation is
 * refused. Order of answers is fixed so callers learn nothing they should not: anonymous callers of a protected route
 * get 401 (pages: the sign-in page), an unknown organization is 404, and a known actor without the right is 403.
 */
@Component
class AccessInterceptor implements HandlerInterceptor {

    static final String ACTOR_ATTRIBUTE = AccessInterceptor.class.getName() + ".actor";

    private final OrganizationDirectory organizations;

    AccessInterceptor(OrganizationDirectory organizations) {
        this.organizations = organizations;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources and framework handlers have their own rules
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null && isPublicDocumentation(method)) {
            return true;
        }
        if (access == null) {
            throw new PlatformException(Problem.FORBIDDEN, "This route has no access rule, so it is closed.");
        }
        Actor actor = Actors.current();
        request.setAttribute(ACTOR_ATTRIBUTE, actor);
        check(access, actor, request);
        return true;
    }

    /** The OpenAPI document is public; it is served by springdoc's own controllers, which we cannot annotate. */
    private static boolean isPublicDocumentation(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.springdoc.");
    }

    private void check(Access access, Actor actor, HttpServletRequest request) {
        if (access.value() == Audience.PUBLIC) {
            return;
        }
        if (actor instanceof Actor.Anonymous) {
            throw new PlatformException(Problem.UNAUTHENTICATED, "Please sign in first.");
        }
        switch (access.value()) {
            case PUBLIC -> {}
            case SIGNED_IN -> requirePerson(actor);
            case LEARNER -> {
                if (!(actor instanceof Actor.Person person) || person.kind() != AccountKind.LEARNER) {
                    throw forbidden("This page is for learners.");
                }
            }
            case OPERATOR -> {
                if (!(actor instanceof Actor.Person person) || !person.operator()) {
                    throw forbidden("This is for platform operators.");
                }
            }
            case ORGANIZATION_STAFF -> checkStaff(access, actor, request);
        }
    }

    private void checkStaff(Access access, Actor actor, HttpServletRequest request) {
        String slug = pathVariable(request, access.organizationVariable());
        OrganizationId organization = organizations.idOf(slug);
        Power power = access.power();
        // The organization's kind decides first: an employer has no registry power whatever its staff's role.
        StaffRole least = power == Power.UNDECLARED
                ? access.role()
                : organizations
                        .leastRoleFor(organization, power)
                        .orElseThrow(
                                () -> forbidden("Organizations of this kind may not " + power.description() + "."));
        switch (actor) {
            case Actor.Machine machine -> {
                if (!access.machineClients() || !machine.organizationId().equals(organization)) {
                    throw forbidden("This client may not act for this organization here.");
                }
            }
            case Actor.Person person -> {
                StaffRole role = organizations
                        .roleOf(person.accountId(), organization)
                        .orElseThrow(() -> forbidden("You are not on this organization's staff."));
                if (!role.includes(least)) {
                    throw forbidden("This needs the " + least.name().toLowerCase() + " role.");
                }
            }
            case Actor.Anonymous anonymous -> throw new PlatformException(Problem.UNAUTHENTICATED, "Please sign in.");
        }
    }

    private static void requirePerson(Actor actor) {
        if (!(actor instanceof Actor.Person)) {
            throw forbidden("This is for signed-in people.");
        }
    }

    private static PlatformException forbidden(String detail) {
        return new PlatformException(Problem.FORBIDDEN, detail);
    }

    @SuppressWarnings("unchecked")
    private static String pathVariable(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get(name) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("Route declares organization access but has no {" + name + "} variable");
    }
}
