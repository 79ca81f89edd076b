package org.openler.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The footer's "API (OpenAPI)" link opens for a person in a browser (it once answered 406), and for programs. */
@PlatformTest
class ApiDocsIT {

    /** What Chromium sends when a person follows a link. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    @LocalServerPort
    int port;

    @Test
    void aPersonFollowingTheFootersApiLinkGetsTheOpenApiDocument() {
        WebClient web = new WebClient("http://localhost:" + port);
        String footer = web.page("/?lang=en").body();
        assertThat(footer).contains("href=\"/v3/api-docs\"");

        HttpResponse<String> browser = web.get("/v3/api-docs", BROWSER);
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.body()).contains("\"openapi\"", "\"paths\"");

        HttpResponse<String> onlyHtml = web.get("/v3/api-docs", "text/html");
        assertThat(onlyHtml.statusCode())
                .as("even a client asking for HTML alone")
                .isEqualTo(200);
        assertThat(onlyHtml.body()).contains("\"openapi\"");
        assertThat(web.get("/v3/api-docs", "text/html;q=0.9, application/xml").statusCode())
                .isEqualTo(200);
    }

    @Test
    void programsStillGetJson() {
        HttpResponse<String> json = new WebClient("http://localhost:" + port).get("/v3/api-docs", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body())
                .contains("\"openapi\"")
                .as("the addresses issue 18 made readable, and the bulk template, are documented")
                .contains(
                        "\"/orgs/{org}\"",
                        "\"/orgs/{org}/achievements/{id}\"",
                        "\"/orgs/{org}/credentials/bulk/template\"");
    }
}
