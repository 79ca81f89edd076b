package org.openler.platform.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A small real HTTP client for tests: keeps cookies like a browser, reads CSRF tokens from pages, signs in through
 * the real form, and gets machine tokens from the real token endpoint. No mocks between it and the server.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies;

    public WebClient(String base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The same browser (same cookie jar) talking to another site. */
    public WebClient at(String otherBase) {
        return new WebClient(otherBase, cookies);
    }

    public static WebClient on(int port) {
        return new WebClient("http://localhost:" + port);
    }

    public String base() {
        return base;
    }

    /** The Cookie header this client would send to {@code url}: lets a test carry a session to another instance. */
    public String cookieHeader(String url) {
        return cookies.getCookieStore().get(URI.create(url)).stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .GET()
                .build());
    }

    public HttpResponse<String> page(String path) {
        return get(path, "text/html");
    }

    /** Posts a form the way a browser does: with the CSRF token of the page it came from. */
    public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) {
        String token = csrfToken(pagePath);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return send(HttpRequest.newBuilder(URI.create(base + actionPath))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all)))
                .build());
    }

    public String csrfToken(String pagePath) {
        HttpResponse<String> page = page(pagePath);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No CSRF token on " + pagePath + " (status " + page.statusCode() + ")");
        }
        return m.group(1);
    }

    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> response = submit("/login", "/login", Map.of("email", email, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Sign-in failed for a test account: " + response.statusCode() + " " + location);
        }
        return response;
    }

    public static String clientToken(String base, String clientId, String secret) {
        HttpResponse<String> response = clientCredentials(base, clientId, secret);
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new AssertionError("No token: " + response.statusCode());
        }
        return m.group(1);
    }

    /** The client-credentials grant at {@code /oauth2/token}, whatever the answer. */
    public static HttpResponse<String> clientCredentials(String base, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new WebClient(base)
                .send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build());
    }

    /** {@code POST} of a JSON body, asking for JSON back, as a program calls an API. */
    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, null);
    }

    /** {@link #postJson(String, String)} with the bearer token, unless it is null. */
    public HttpResponse<String> postJson(String path, String json, @Nullable String bearer) {
        HttpRequest.Builder request = jsonPost(path, json);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** The request {@link #postJson} sends, for a caller that adds headers of its own before it {@link #send}s it. */
    public HttpRequest.Builder jsonPost(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
