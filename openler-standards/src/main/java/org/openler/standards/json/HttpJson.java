package org.openler.standards.json;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * The one way this library fetches a JSON document over the network (did:web documents, status lists): a client that
 * never follows redirects, a timeout, a size bound read before parsing, strict parsing. Failures to reach or read the
 * document carry the caller's code; documents that arrive but are not acceptable JSON keep the parser's code.
 */
public final class HttpJson {

    private HttpJson() {}

    /** A client that never follows redirects (an allow-listed host must not hand us to another). */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /**
     * @param what how to name the document in messages, e.g. "did:web document"
     * @param failure the code for an unreachable document or a non-200 answer
     */
    public static JsonObject get(
            HttpClient client, URI url, Duration timeout, String accept, JsonLimits limits, Code failure, String what) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", accept)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new StandardsException(failure, what + " " + url + " answered HTTP " + response.statusCode());
                }
                return StrictJson.parseObject(body.readNBytes(limits.maxBytes() + 1), limits);
            }
        } catch (IOException e) {
            throw new StandardsException(failure, what + " " + url + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandardsException(failure, "Interrupted while fetching " + what + " " + url, e);
        }
    }
}
