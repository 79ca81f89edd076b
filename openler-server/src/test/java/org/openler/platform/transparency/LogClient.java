package org.openler.platform.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.WebClient;
import org.openler.standards.transparency.Checkpoint;
import org.openler.standards.transparency.NoteVerifierKey;
import org.openler.standards.transparency.SignedNote;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A provider that issues over the API, and an outside reader of the log's public API. */
final class LogClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;
    final WebClient web;
    final Fixtures.Org provider;
    final String token;
    final String achievementId;

    private LogClient(String base, Fixtures.Org provider, String token, String achievementId) {
        this.base = base;
        this.web = new WebClient(base);
        this.provider = provider;
        this.token = token;
        this.achievementId = achievementId;
    }

    static LogClient aProvider(Fixtures fixtures, int port) {
        String base = "http://localhost:" + port;
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        LogClient partial = new LogClient(base, provider, token, "");
        HttpResponse<String> created = partial.post("/orgs/" + provider.slug() + "/achievements", """
                {"name": "Log Keeping", "description": "Keeps an append-only log.",
                 "criteria": "Kept one.", "achievementType": "Certificate"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new LogClient(
                base, provider, token, json(created.body()).get("id").asString());
    }

    /** Issues a credential and answers its exact signed JSON. */
    String issue(String email) {
        HttpResponse<String> issued =
                post("/orgs/" + provider.slug() + "/credentials/issue", """
                {"achievementId": "%s", "recipient": {"email": "%s"}}""".formatted(achievementId, email));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.body()
                .substring("{\"verifiableCredential\":".length(), issued.body().length() - 1);
    }

    HttpResponse<String> changeStatus(String credentialId, String status) {
        return post("/orgs/" + provider.slug() + "/credentials/status", """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "%s"}]}""".formatted(credentialId, status));
    }

    HttpResponse<String> post(String path, String json) {
        return web.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> get(String path) {
        return web.get(path, "application/json");
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    NoteVerifierKey logKey() {
        HttpResponse<String> key = web.get("/log/key", "text/plain");
        assertThat(key.statusCode()).isEqualTo(200);
        return NoteVerifierKey.parse(key.body());
    }

    /** The latest checkpoint, its signature checked under the log key. */
    Checkpoint checkpoint() {
        HttpResponse<String> note = web.get("/log/checkpoint", "text/plain");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        return Checkpoint.parse(SignedNote.open(note.body(), logKey()));
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    static List<byte[]> hashes(JsonNode array) {
        return array.valueStream()
                .map(n -> Base64.getDecoder().decode(n.asString()))
                .toList();
    }
}
