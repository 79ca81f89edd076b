package org.openler.platform.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.json.StrictJson;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A credential's card names its issuer and shows the issuer's logo when the credential carries one
 * ({@code issuer.image}, embedded as a data: URL: the pages load no image from elsewhere). The card is the same on the
 * wallet's credential page, a share and /verify; /verify is the page anyone can reach with any credential.
 */
@PlatformTest
class IssuerLogoIT {

    static final String LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhf"
            + "DwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @LocalServerPort
    int port;

    @Test
    void theCardShowsTheIssuersNameAndItsLogoWhenTheCredentialCarriesOne() {
        JsonObject credential =
                StrictJson.parseObject(WalletKit.elsewhere("Harbour Pilotage").getBytes(StandardCharsets.UTF_8));
        JsonObject issuer = credential.getJsonObject("issuer");
        JsonObject withLogo = Json.createObjectBuilder(credential)
                .add(
                        "issuer",
                        Json.createObjectBuilder(issuer)
                                .add(
                                        "image",
                                        Json.createObjectBuilder()
                                                .add("id", LOGO)
                                                .add("type", "Image")))
                .build();

        String page = WebClient.on(port)
                .submit("/verify", "/verify", Map.of("json", StrictJson.write(withLogo)))
                .body();

        assertThat(page)
                .contains("id=\"content-issuer-logo\"")
                .contains("src=\"" + LOGO + "\"")
                .contains("Issued by Elsewhere College");
    }

    @Test
    void withoutALogoTheCardStillNamesTheIssuerAndShowsNoImage() {
        String page = WebClient.on(port)
                .submit("/verify", "/verify", Map.of("json", WalletKit.elsewhere("Harbour Pilotage")))
                .body();

        assertThat(page).contains("Issued by Elsewhere College").doesNotContain("content-issuer-logo");
        assertThat(WebClient.on(port)
                        .submit("/verify?lang=es", "/verify", Map.of("json", WalletKit.elsewhere("Harbour Pilotage")))
                        .body())
                .contains("Emitida por Elsewhere College");
    }
}
