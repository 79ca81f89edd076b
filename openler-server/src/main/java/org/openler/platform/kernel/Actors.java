package org.openler.platform.kernel;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns whatever Spring Security authenticated into an {@link Actor}. */
public final class Actors {

    /** The claim that names a machine client's organization in its access tokens. */
    public static final String ORGANIZATION_CLAIM = "openler_org";

    private Actors() {}

    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Actor of(@Nullable Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new Actor.Anonymous();
        }
        if (authentication.getPrincipal() instanceof PersonPrincipal person) {
            return person.toActor();
        }
        if (authentication.getPrincipal() instanceof LinkedPerson linked) {
            return linked.person().toActor();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String org = jwt.getToken().getClaimAsString(ORGANIZATION_CLAIM);
            if (org != null) {
                return new Actor.Machine(jwt.getToken().getSubject(), new OrganizationId(UUID.fromString(org)));
            }
        }
        return new Actor.Anonymous();
    }

    /** The signed-in person, or empty for anyone else. */
    public static Optional<PersonPrincipal> currentPerson() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PersonPrincipal person) {
            return Optional.of(person);
        }
        if (authentication != null && authentication.getPrincipal() instanceof LinkedPerson linked) {
            return Optional.of(linked.person());
        }
        return Optional.empty();
    }
}
