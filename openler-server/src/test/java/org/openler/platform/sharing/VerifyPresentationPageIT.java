package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /verify takes the file a share page offers for download (a verifiable presentation) as well as a credential: it
 * checks the holder's signature, then each credential it carries on its own, and shows what each one says. It
 * treated a presentation as a credential and answered "not verified" (no credentialSubject), which told an employer
 * holding a genuine file that it was not.
 */
@PlatformTest
class VerifyPresentationPageIT {

    @LocalServerPort
    int port;

    @Autowired
    ShareKit kit;

    @Test
    void aDownloadedPresentationVerifiesOnTheVerifyPageWithEachCredentialShownAndCheckedOnItsOwn() {
        ShareKit.Holder holder = kit.holder("Harbour Pilotage", "Open Water Diving");
        WebClient web = ShareKit.signedIn(port, holder.account());
        ShareKit.Made share = ShareKit.share(web, holder.held(), "Acme Corp HR");
        String file = WebClient.on(port)
                .get(share.path() + "/presentation", "application/json")
                .body();
        assertThat(file).contains("VerifiablePresentation");

        String page = WebClient.on(port)
                .submit("/verify", "/verify", Map.of("json", file))
                .body();

        assertThat(page)
                .contains("id=\"verdict\">Verified<")
                .contains("id=\"presentation-summary\"")
                .contains("the signature verifies, and so do the 2 credential(s) it carries")
                .contains("id=\"presentation-holder\">did:")
                .contains("id=\"carried-credential-0\"", "id=\"carried-credential-1\"")
                .contains("Harbour Pilotage", "Open Water Diving")
                .contains("id=\"content-description\">Does the thing well.<");
        assertThat(page.indexOf("Harbour Pilotage")).isLessThan(page.indexOf("Open Water Diving"));

        String spanish = WebClient.on(port)
                .submit("/verify?lang=es", "/verify", Map.of("json", file))
                .body();
        assertThat(spanish).contains("Una presentación firmada por su titular");
    }

    @Test
    void aPresentationWhoseCredentialWasAlteredIsNotVerifiedAndSaysWhichCredentialFailed() {
        ShareKit.Holder holder = kit.holder("Harbour Pilotage");
        WebClient web = ShareKit.signedIn(port, holder.account());
        ShareKit.Made share = ShareKit.share(web, holder.held(), "Acme Corp HR");
        String file = WebClient.on(port)
                .get(share.path() + "/presentation", "application/json")
                .body();
        assertThat(file).contains("\"Harbour Pilotage\"");
        String altered = file.replace("\"Harbour Pilotage\"", "\"Harbour Master\"");

        String page = WebClient.on(port)
                .submit("/verify", "/verify", Map.of("json", altered))
                .body();

        assertThat(page)
                .contains("id=\"verdict\">Not verified<")
                .contains("at least one check of the holder&#39;s signature or of a credential it carries failed")
                .contains("id=\"carried-credential-0\"")
                .contains("Harbour Master")
                .contains("status-failed\">Not verified<");
    }
}
