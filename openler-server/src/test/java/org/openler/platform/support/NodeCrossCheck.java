package org.openler.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The independent verifiers of {@code interop/crosscheck.mjs} ({@code @digitalbazaar/vc} and DCC's
 * {@code verifier-core}) run on one credential, with this server's DID document and status lists handed over offline
 * instead of fetched. Fails, never skips, without Node and {@code npm ci} in interop/.
 */
public final class NodeCrossCheck {

    public static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();

    private static final Pattern STATUS_LIST = Pattern.compile("\"statusListCredential\":\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The verdicts of both verifiers, in their order, and what they wrote. */
    public record Result(List<Boolean> verdicts, String output) {}

    private NodeCrossCheck() {}

    public static void assertInstalled() {
        assertThat(INTEROP.resolve("node_modules"))
                .as("run npm ci in interop/ first (.ci/run does)")
                .isDirectory();
    }

    /**
     * What the verifiers would fetch, by URL: the organization's DID document on this server (did:web:localhost%3A
     * &lt;port&gt;:orgs:&lt;slug&gt; resolves to https://localhost:&lt;port&gt;/orgs/&lt;slug&gt;/did.json) and each
     * status list the credential names, as this server serves them now.
     */
    public static Map<String, String> documents(int port, String slug, String credential) {
        Map<String, String> documents = new LinkedHashMap<>();
        WebClient web = WebClient.on(port);
        documents.put(
                "https://localhost:" + port + "/orgs/" + slug + "/did.json",
                web.get("/orgs/" + slug + "/did.json", "application/json").body());
        STATUS_LIST
                .matcher(credential)
                .results()
                .map(m -> m.group(1))
                .forEach(list -> documents.put(
                        list,
                        web.get(URI.create(list).getPath(), "application/json").body()));
        return documents;
    }

    /** Both verifiers' verdicts on the credential, given the documents; the files go to {@code dir} under the name. */
    public static Result run(Path dir, String name, String credential, Map<String, String> documents)
            throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{");
        documents.forEach((url, body) -> json.append(json.length() > 1 ? "," : "")
                .append(JSON.writeValueAsString(url))
                .append(':')
                .append(body));
        Path documentsFile = Files.writeString(dir.resolve(name + "-documents.json"), json.append('}'));
        Path file = Files.writeString(dir.resolve(name + ".json"), credential);
        Process process = new ProcessBuilder(
                        "node", "crosscheck.mjs", file.toString(), "--documents", documentsFile.toString())
                .directory(INTEROP.toFile())
                .start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("crosscheck.mjs finished")
                .isTrue();
        List<Boolean> verdicts = stdout.join()
                .lines()
                .map(line -> line.startsWith("{") && JsonFields.verified(line))
                .toList();
        assertThat(verdicts).as(name + ": " + stdout.join() + stderr.join()).hasSize(2);
        return new Result(verdicts, stdout.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
