package org.openler.platform.issuers;

import java.util.Optional;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.standards.did.DidWeb;
import org.springframework.stereotype.Service;

/** Organizations as issuers: the {@link Issuer} of an organization, found by its slug or id. */
@Service
public class Issuers {

    private final OrganizationService organizations;
    private final PlatformUrls urls;

    Issuers(OrganizationService organizations, PlatformUrls urls) {
        this.organizations = organizations;
        this.urls = urls;
    }

    /** The organization as an issuer; its did:web names the host of the current request. */
    public Issuer of(Organization organization) {
        return new Issuer(
                organization.id(),
                organization.slug(),
                organization.name(),
                DidWeb.forOrganization(urls.host(), organization.slug()));
    }

    /** The organization with this slug as an issuer; 404 when there is none. */
    public Issuer get(String slug) {
        return of(organizations.get(slug));
    }

    public Optional<Issuer> find(String slug) {
        return organizations.find(slug).map(this::of);
    }

    public Optional<Issuer> find(OrganizationId organization) {
        return organizations.find(organization).map(this::of);
    }
}
