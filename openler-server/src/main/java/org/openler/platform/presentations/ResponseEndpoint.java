package org.openler.platform.presentations;

import java.util.Map;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verifier's response URI (OpenID4VP 1.0 §8.2, response mode {@code direct_post}): a wallet posts
 * {@code vp_token} and {@code state} as a form. Public and sessionless (wallets carry no cookie and no CSRF token);
 * the state and the nonce inside the presentation are what bind an answer to a request.
 */
@RestController
class ResponseEndpoint {

    private final PresentationRequests requests;

    ResponseEndpoint(PresentationRequests requests) {
        this.requests = requests;
    }

    @PostMapping(
            path = PresentationRequests.RESPONSE_PATH,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    Map<String, Object> respond(
            @RequestParam(name = "vp_token", defaultValue = "") String vpToken,
            @RequestParam(defaultValue = "") String state) {
        requests.respond(state, vpToken);
        // No redirect_uri: the person sees the outcome in the wallet, and the verifier on its own page.
        return Map.of();
    }
}
