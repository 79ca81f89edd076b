package org.openler.platform.identity;

import java.util.Optional;

/**
 * What access checks need to know about organizations. The organizations feature implements it; identity depends
 * only on this interface, so the dependency points one way.
 */
public interface OrganizationDirectory {

    Optional<OrganizationId> findIdBySlug(String slug);

    Optional<StaffRole> roleOf(AccountId account, OrganizationId organization);
}
