package org.openler.platform.obapi;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.problems.PlatformException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent page the authorization server sends a learner to when an application asks for Open Badges scopes: it
 * names the application as it registered itself and says in words what each scope allows, then posts the learner's
 * choice back to the authorization endpoint. (The library's built-in page shows only the client id and loads its
 * style from a CDN, which the platform's content security policy forbids.)
 */
@Controller
class ObConsentPage {

    static final String PATH = ObDiscovery.API_PATH + "/consent";

    private final RegisteredClientRepository clients;

    ObConsentPage(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    /** A requested scope: its IRI, which the form posts back, and the message key that explains it. */
    record Requested(String uri, String messageKey) {}

    @GetMapping(PATH)
    @Access(Audience.LEARNER)
    String consent(
            @RequestParam("client_id") String clientId,
            @RequestParam("scope") String scope,
            @RequestParam("state") String state,
            Model model,
            HttpServletResponse response) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw PlatformException.notFound("The application");
        }
        List<Requested> requested = new ArrayList<>();
        for (String each : scope.trim().split("\\s+")) {
            // only scopes the client registered; the authorization server has refused any other already
            ObScopes.of(each)
                    .filter(known -> client.getScopes().contains(each))
                    .ifPresent(known -> requested.add(new Requested(each, known.messageKey())));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("requested", requested);
        return "obapi/consent";
    }
}
