package org.openler.platform.security;

import java.util.Optional;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.Power;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.problems.PlatformException;

/**
 * What access checks need to know about organizations. The organizations feature implements it; security depends
 * only on this interface, so the dependency points one way.
 */
public interface OrganizationDirectory {

    Optional<OrganizationId> findIdBySlug(String slug);

    /** The organization a route's slug names; a 404 problem when there is none. */
    default OrganizationId idOf(String slug) {
        return findIdBySlug(slug).orElseThrow(() -> PlatformException.notFound("The organization"));
    }

    Optional<StaffRole> roleOf(AccountId account, OrganizationId organization);

    /**
     * The least staff role that holds this power in this organization, from the policy table; empty if organizations
     * of its kind do not hold the power at all (then neither staff nor machine clients may use it).
     */
    Optional<StaffRole> leastRoleFor(OrganizationId organization, Power power);
}
