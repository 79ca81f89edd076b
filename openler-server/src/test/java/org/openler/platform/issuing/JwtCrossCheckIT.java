package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidWeb;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A VC-JWT exactly as the platform issues it — with the did:web document and the status list the platform serves —
 * checked by {@code interop/jwtcheck.mjs}, code independent of OpenLER's (node:crypto for ES256, digitalbazaar for the
 * data model and the status list): verified, then refused once revoked. Needs Node.js 20+, like the library's
 * CrossCheckIT; it fails, never skips, without it.
 */
@PlatformTest
class JwtCrossCheckIT {

    private static final Path INTEROP =
            Path.of("..", "interop").toAbsolutePath().normalize();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @TempDir
    Path dir;

    String base;
    Fixtures.Org provider;
    String token;
    String achievementId;

    @BeforeEach
    void aProviderWithAnAchievementAndTheIndependentVerifiers() throws Exception {
        if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600).exit())
                    .as("npm ci in interop/")
                    .isZero();
        }
        base = "http://localhost:" + port;
        provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        HttpResponse<String> created = post("/orgs/" + provider.slug() + "/achievements", """
                {"name": "Safe Scaffolding", "description": "Erects and inspects scaffolding.",
                 "criteria": "Passed the practical assessment.", "achievementType": "Certificate"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        achievementId = StrictJson.parseObject(created.body()).getString("id");
    }

    @Test
    void aPlatformIssuedVcJwtVerifiesIndependentlyUntilItIsRevoked() throws Exception {
        HttpResponse<String> issued =
                post("/orgs/" + provider.slug() + "/credentials/issue", """
                {"achievementId": "%s", "recipient": {"email": "cross.jwt@example.org"}, "format": "jwt"}""".formatted(achievementId));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String jwt = StrictJson.parseObject(issued.body()).getString("verifiableCredential");
        JsonObject vc = StrictJson.parseObject(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]))
                .getJsonObject("vc");

        JsonObject verdict = jwtCheck(jwt, vc, "issued");
        assertThat(verdict.getBoolean("verified")).as(verdict.toString()).isTrue();
        assertThat(verdict.getJsonObject("checks").values())
                .hasSize(4)
                .allMatch(v -> v.toString().equals("\"passed\""));

        HttpResponse<String> revoked =
                post("/orgs/" + provider.slug() + "/credentials/status", """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "revoked"}]}""".formatted(vc.getString("id")));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        JsonObject afterRevocation = jwtCheck(jwt, vc, "revoked");
        assertThat(afterRevocation.getBoolean("verified")).isFalse();
        assertThat(afterRevocation.getJsonObject("checks").getString("jose")).isEqualTo("passed");
        assertThat(afterRevocation.getJsonObject("checks").getString("status")).isEqualTo("failed");
    }

    /** Runs jwtcheck.mjs with the DID document and status list this platform serves now, under their URLs. */
    private JsonObject jwtCheck(String jwt, JsonObject vc, String name) throws Exception {
        Did issuer = Did.of(vc.getJsonObject("issuer").getString("id"));
        JsonObjectBuilder documents = Json.createObjectBuilder()
                .add(DidWeb.documentUrl(issuer).toString(), served("/orgs/" + provider.slug() + "/did.json"));
        // Every status entry's list (revocation and suspension), as served now.
        for (JsonValue entry : vc.getJsonArray("credentialStatus")) {
            String statusList = entry.asJsonObject().getString("statusListCredential");
            documents.add(statusList, served(URI.create(statusList).getPath()));
        }
        Path documentsFile = dir.resolve(name + "-documents.json");
        Files.writeString(documentsFile, StrictJson.write(documents.build()));
        Path file = dir.resolve(name + ".jwt");
        Files.writeString(file, jwt);
        Result result =
                run(List.of("node", "jwtcheck.mjs", file.toString(), "--documents", documentsFile.toString()), 180);
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(name + ": " + result.stdout() + result.stderr()).hasSize(1);
        return StrictJson.parseObject(lines.get(0));
    }

    private JsonObject served(String path) {
        HttpResponse<String> response = WebClient.on(port).get(path, "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return StrictJson.parseObject(response.body());
    }

    private HttpResponse<String> post(String path, String json) {
        return new WebClient(base).postJson(path, json, token);
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(INTEROP.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "The interop cross-check needs Node.js 20+ and npm on the PATH (" + command.get(0) + " not found)",
                    e);
        }
        process.getOutputStream().close();
        CompletableFuture<String> stdout = new CompletableFuture<>();
        CompletableFuture<String> stderr = new CompletableFuture<>();
        Thread.startVirtualThread(() -> stdout.complete(read(process.getInputStream())));
        Thread.startVirtualThread(() -> stderr.complete(read(process.getErrorStream())));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
