package org.openler.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the over-HTTP benchmarks share: an HTTP/1.1 client, and a machine client's bearer token from the server. */
final class MachineClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private MachineClient() {}

    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An access token by the client credentials grant at {@code <url>/oauth2/token}; anything but 200 fails. */
    static String token(HttpClient http, String url, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return find(ACCESS_TOKEN, response, "an access token for " + clientId);
    }

    /** The first group of the pattern in a 200 response's body; anything else fails the run. */
    static String find(Pattern pattern, HttpResponse<String> response, String what) {
        Matcher matcher = pattern.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException(
                    "Could not get " + what + ": " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }
}
