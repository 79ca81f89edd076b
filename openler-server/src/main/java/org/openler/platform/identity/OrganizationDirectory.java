package org.openler.platform.identity;

import java.util.Optional;

/**
 * What access checks need to know about organizations. The organizations feature implements it; identity depends
 * only on this interface, so the dependency points one way.
 */
public interface OrganizationDirectory {

    Optional<OrganizationId> findIdBySlug(String slug);

    Optional<StaffRole> roleOf(AccountId account, OrganizationId organization);

    /**
     * The least staff role that holds this power in this organization, from the policy table; empty if organizations
     * of its kind do not hold the power at all (then neither staff nor machine clients may use it).
     */
    Optional<StaffRole> leastRoleFor(OrganizationId organization, Power power);
}
