package org.openler.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry's pages over real HTTP: a provider's form (mistakes shown, then a draft saved, published and
 * withdrawn), a viewer who may look but not publish, the public search page and a credential's stable URL answering
 * people with HTML and programs with CTDL JSON-LD.
 */
@PlatformTest
class RegistryPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void aProviderSavesPublishesAndWithdrawsThroughTheForms() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        WebClient browser = WebClient.on(port);
        browser.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        String entries = "/orgs/" + org.slug() + "/registry";
        assertThat(browser.page(entries).statusCode()).isEqualTo(200);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "Certificate");
        form.put("name", "");
        form.put("description", "Forklift operation and warehouse safety.");
        form.put("duration", "two weeks");
        form.put("teaches", "not-an-address Safety");
        HttpResponse<String> mistakes = browser.submit(entries + "/new", entries + "/new", form);
        assertThat(mistakes.statusCode()).isEqualTo(400);
        assertThat(mistakes.body())
                .contains("id=\"name-error\"", "id=\"duration-error\"", "id=\"teaches-error\"")
                .contains("Forklift operation and warehouse safety.");

        String marker =
                "pulsar" + Long.toString(System.nanoTime() % 100_000, 36).replaceAll("[0-9]", "p");
        form.put("name", "Forklift Operator " + marker);
        form.put("duration", "PT16H");
        form.put("teaches", "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da operate forklift");
        form.put("places", "Huntsville, AL, US");
        form.put("price", "150");
        HttpResponse<String> saved = browser.submit(entries + "/new", entries + "/new", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        String entry = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String ctid = entry.substring(entry.lastIndexOf('/') + 1);
        assertThat(browser.page(entry).body()).contains("The draft is saved.", "Forklift Operator " + marker);

        assertThat(browser.submit(entry, entry + "/publish", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(browser.page(entry).body()).contains("Published: the new version is public.");

        HttpResponse<String> html = browser.page("/registry/resources/" + ctid);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("Forklift Operator " + marker, "operate forklift", "Huntsville, AL, US");
        // read as people read it: no ISO 8601 duration, a cost with its currency, no "(optional)" on a public page
        assertThat(html.body())
                .contains("id=\"duration\" title=\"PT16H\">16 hours<", "id=\"cost\">150 USD<")
                .doesNotContain("(optional)");
        assertThat(browser.page("/registry/resources/" + ctid + "?lang=es").body())
                .contains(">16 horas<");
        browser.page("/registry/resources/" + ctid + "?lang=en"); // the language choice is remembered
        java.util.regex.Matcher jsonLd = java.util.regex.Pattern.compile("id=\"ctdl-jsonld\" href=\"([^\"]+)\"")
                .matcher(html.body());
        assertThat(jsonLd.find()).isTrue();
        HttpResponse<String> followed = browser.page(jsonLd.group(1).replace("&amp;", "&"));
        assertThat(followed.headers().firstValue("Content-Type"))
                .as("the page's CTDL JSON-LD link, followed by a browser, gives JSON-LD")
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        assertThat(JsonFields.strings(followed.body(), "ceterms:ctid")).contains(ctid);
        HttpResponse<String> ld = browser.get("/registry/resources/" + ctid, "application/ld+json");
        assertThat(ld.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        assertThat(JsonFields.strings(ld.body(), "ceterms:ctid")).contains(ctid);
        assertThat(browser.get("/registry/resources/" + ctid, "*/*").body())
                .as("a program that accepts anything gets the linked data")
                .startsWith("{");

        HttpResponse<String> search = browser.page("/registry?q=" + marker);
        assertThat(search.body()).contains("1 credential", "Forklift Operator " + marker, "Huntsville, AL, US");
        assertThat(browser.page("/registry?q=" + marker + "&lang=es").body())
                .contains("1 credencial", "Registro de credenciales");
        assertThat(browser.page("/registry?cost=nonsense&offset=-4").statusCode())
                .as("a hand-made address with bad filters still shows the search")
                .isEqualTo(200);

        assertThat(browser.submit(entry, entry + "/withdraw", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(browser.page("/registry/resources/" + ctid).statusCode()).isEqualTo(410);
        assertThat(browser.page("/registry?lang=en&q=" + marker).body()).contains("No credentials");
    }

    @Test
    void everyTypeInTheFormsDropdownHasItsName() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        WebClient browser = WebClient.on(port);
        browser.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        assertThat(options(browser.page("/orgs/" + org.slug() + "/registry/new?lang=es")
                        .body()))
                .as("in Spanish too")
                .contains("Certificate=Certificado", "AssociateDegree=Título de asociado");
        var options = options(
                browser.page("/orgs/" + org.slug() + "/registry/new?lang=en").body());
        assertThat(options).hasSizeGreaterThan(5);
        assertThat(options).contains("Certificate=Certificate", "AssociateDegree=Associate degree");
    }

    private static List<String> options(String page) {
        String select = page.substring(page.indexOf("<select id=\"type\""));
        select = select.substring(0, select.indexOf("</select>"));
        var options = java.util.regex.Pattern.compile("<option[^>]*value=\"([^\"]+)\"[^>]*>([^<]*)</option>")
                .matcher(select)
                .results()
                .toList();
        assertThat(options).allSatisfy(option -> assertThat(option.group(2)).isNotBlank());
        return options.stream().map(o -> o.group(1) + "=" + o.group(2).strip()).toList();
    }

    @Test
    void aViewerSeesTheEntriesButCannotPublish() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        var viewer = fixtures.member(org, StaffRole.VIEWER);
        WebClient browser = WebClient.on(port);
        browser.signIn(viewer.email().value(), Fixtures.PASSWORD);
        String entries = "/orgs/" + org.slug() + "/registry";
        HttpResponse<String> list = browser.page(entries);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(entries + "/new");
        assertThat(browser.page(entries + "/new").statusCode()).isEqualTo(403);
    }
}
