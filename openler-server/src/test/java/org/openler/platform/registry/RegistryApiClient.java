package org.openler.platform.registry;

import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.openler.platform.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** The registry API as a provider's machine client calls it, for the registry's integration tests. */
final class RegistryApiClient extends ApiClient {

    RegistryApiClient(String base, String org, @Nullable String token) {
        super(base, org, token);
    }

    /** A welding certificate draft body with one competency taught and one occupation. */
    static String welding(String name) {
        return """
                {"type": "Certificate", "name": "%s",
                 "description": "Safe, code-compliant MIG and TIG welds on steel and aluminium.",
                 "requirements": "Pass the practical assessment after 120 hours of shop time.",
                 "cost": {"amount": 2450, "unit": "USD"}, "duration": "P6M", "delivery": ["IN_PERSON"],
                 "places": [{"locality": "Birmingham", "region": "AL", "country": "US"}],
                 "teaches": [{"uri": "http://data.europa.eu/esco/skill/welding-test", "label": "weld metal"}],
                 "occupations": [{"uri": "https://www.onetonline.org/link/summary/51-4121.06", "label": "Welders"}],
                 "credit": {"amount": 12, "unit": "DegreeCredit"}, "keywords": ["welding"]}""".formatted(name);
    }

    String createDraft(String body) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/registry/entries", body), 201)
                .path("ctid")
                .asString();
    }

    JsonNode publish(String ctid) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/registry/entries/" + ctid + "/publish", null), 200);
    }

    JsonNode withdraw(String ctid) {
        return ok(send("POST", "/api/v1/orgs/" + org + "/registry/entries/" + ctid + "/withdraw", null), 200);
    }

    JsonNode update(String ctid, String body) {
        return ok(send("PUT", "/api/v1/orgs/" + org + "/registry/entries/" + ctid, body), 200);
    }

    HttpResponse<String> resource(String ctid, String accept) {
        return http.get("/registry/resources/" + ctid, accept);
    }

    JsonNode search(String query) {
        return ok(http.get("/api/v1/registry/search?" + query, "application/json"), 200);
    }
}
