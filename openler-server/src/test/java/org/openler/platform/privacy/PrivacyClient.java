package org.openler.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openler.platform.support.WebClient;

/** What the privacy tests do over HTTP, as a browser (forms with CSRF) or as a program (asking for JSON). */
final class PrivacyClient {

    private PrivacyClient() {}

    static HttpResponse<String> export(WebClient web) {
        return web.get("/privacy/export", "application/json");
    }

    static HttpResponse<String> importAsPage(WebClient web, String bundle) {
        return web.submit("/privacy", "/privacy/import", Map.of("text", bundle));
    }

    /** The import as a program sends it: session and CSRF token, but asking for JSON, so refusals are problems. */
    static HttpResponse<String> importAsProgram(WebClient web, String bundle) {
        return postAsProgram(web, "/privacy/import", Map.of("text", bundle));
    }

    static HttpResponse<String> delete(WebClient web, String typedEmail) {
        return web.submit("/privacy", "/privacy/delete", Map.of("confirmEmail", typedEmail));
    }

    static HttpResponse<String> postAsProgram(WebClient web, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", web.csrfToken("/privacy"));
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(all)))
                .build());
    }

    static HttpResponse<String> verify(WebClient web, String document, boolean jwt) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/credentials/verify"))
                .header("Accept", "application/json")
                .header("Content-Type", jwt ? "application/jwt" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        jwt ? document : "{\"verifiableCredential\":" + document + "}"))
                .build());
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://openler.org/problems/" + slug);
    }
}
