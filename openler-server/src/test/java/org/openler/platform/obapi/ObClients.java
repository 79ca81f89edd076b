package org.openler.platform.obapi;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openler.platform.support.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** What an Open Badges application does on the wire before it calls the API: register, and trade a code for a token. */
final class ObClients {

    static final String READ = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";
    static final String REDIRECT = "http://localhost:9/callback";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ObClients() {}

    /** Dynamic client registration, {@code POST /ims/ob/v3p0/register}. */
    static HttpResponse<String> register(int port, Map<String, Object> registration) {
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ims/ob/v3p0/register"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(registration)))
                        .build());
    }

    /** The PKCE S256 challenge of a verifier. */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization-code grant at {@code /oauth2/token}, with the PKCE verifier unless it is null. */
    static HttpResponse<String> token(
            int port, String clientId, String secret, String code, @Nullable String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8));
        form.put("redirect_uri", REDIRECT);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(form)))
                        .build());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
