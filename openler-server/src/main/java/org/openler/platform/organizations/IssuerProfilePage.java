package org.openler.platform.organizations;

import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import org.openler.platform.kernel.LinkedData;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.standards.did.DidWeb;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.springframework.web.servlet.ModelAndView;

/**
 * The issuer's public profile at the address its credentials name as {@code issuer.url}: a page for people (who the
 * issuer is, its DID and where its keys are published) and the OB 3.0 {@code Profile} as JSON-LD for programs, with
 * the same {@code id} (the did:web) and {@code url} the credentials carry.
 */
final class IssuerProfilePage {

    private IssuerProfilePage() {}

    static ModelAndView answer(Organization organization, PlatformUrls urls, HttpServletRequest request) {
        String did = DidWeb.forOrganization(urls.host(), organization.slug()).value();
        String url = urls.base() + "/orgs/" + organization.slug();
        if (!LinkedData.forPeople(request)) {
            JsonArrayBuilder context = Jsons.PROVIDER.createArrayBuilder();
            for (String c : LinkedData.CONTEXTS) {
                context.add(c);
            }
            return LinkedData.answer(
                    StrictJson.write(Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("@context", context)
                            .add("id", did)
                            .add("type", Jsons.PROVIDER.createArrayBuilder().add("Profile"))
                            .add("name", organization.name())
                            .add("url", url)
                            .build()),
                    request);
        }
        ModelAndView page = new ModelAndView("organizations/profile");
        page.addObject("organization", organization);
        page.addObject("did", did);
        page.addObject("url", url);
        return page;
    }
}
