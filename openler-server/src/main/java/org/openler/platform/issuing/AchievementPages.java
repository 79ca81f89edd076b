package org.openler.platform.issuing;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.openler.platform.issuers.Issuers;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.LinkedData;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * An achievement's public address, which its credentials name as {@code credentialSubject.achievement.id}: a page for
 * people (what it certifies, how it is earned, its skills and its issuer) and the OB 3.0 {@code Achievement} as
 * JSON-LD for programs, exactly as the credentials carry it. It once answered people with raw JSON.
 */
@Controller
class AchievementPages {

    private final OrganizationService organizations;
    private final Achievements achievements;
    private final Issuance issuance;
    private final Issuers issuers;

    AchievementPages(OrganizationService organizations, Achievements achievements, Issuance issuance, Issuers issuers) {
        this.issuers = issuers;
        this.organizations = organizations;
        this.achievements = achievements;
        this.issuance = issuance;
    }

    static String path(String org, UUID achievement) {
        return "/orgs/" + org + "/achievements/" + achievement;
    }

    @GetMapping("/orgs/{org}/achievements/{id}")
    @Access(Audience.PUBLIC)
    ModelAndView achievement(@PathVariable String org, @PathVariable UUID id, HttpServletRequest request) {
        Organization organization = organizations.get(org);
        AchievementDefinition achievement = achievements
                .find(organization.id(), id)
                .orElseThrow(() -> PlatformException.notFound("The achievement"));
        JsonObject standard =
                issuance.toStandard(achievement, organization.slug()).toJson();
        if (!LinkedData.forPeople(request)) {
            JsonArrayBuilder context = Jsons.PROVIDER.createArrayBuilder();
            for (String c : LinkedData.CONTEXTS) {
                context.add(c);
            }
            JsonObjectBuilder document = Jsons.PROVIDER.createObjectBuilder().add("@context", context);
            standard.forEach(document::add);
            IssuerProfile creator = issuance.issuerProfile(issuers.of(organization));
            document.add(
                    "creator",
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("id", creator.id().value())
                            .add("type", Jsons.PROVIDER.createArrayBuilder().add("Profile"))
                            .add("name", creator.name())
                            .add("url", creator.url().map(Object::toString).orElse("")));
            return LinkedData.answer(StrictJson.write(document.build()), request);
        }
        ModelAndView page = new ModelAndView("issuing/achievement-public");
        page.addObject("organization", organization);
        page.addObject("achievement", achievement);
        // only an embedded image is shown: the pages load nothing from elsewhere (content security policy)
        page.addObject(
                "image",
                achievement
                        .image()
                        .map(Object::toString)
                        .filter(i -> i.startsWith("data:image/"))
                        .orElse(""));
        page.addObject(
                "typeWords",
                achievement
                        .achievementType()
                        .map(t -> t.replaceAll("(?<=[a-z])(?=[A-Z])", " "))
                        .orElse(""));
        page.addObject(
                "chips",
                achievement.alignments().stream()
                        .map(a -> Map.of(
                                "name", a.targetName(),
                                "url", a.targetUrl().toString(),
                                "framework", a.targetFramework().orElse("")))
                        .toList());
        return page;
    }
}
