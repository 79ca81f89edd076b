package org.openler.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
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
        documents.put(
                "https://localhost:" + port + "/orgs/" + slug + "/did.json",
                served(port, "/orgs/" + slug + "/did.json"));
        STATUS_LIST
                .matcher(credential)
                .results()
                .map(m -> m.group(1))
                .forEach(list ->
                        documents.put(list, served(port, URI.create(list).getPath())));
        return documents;
    }

    private static String served(int port, String path) {
        HttpResponse<String> response = WebClient.on(port).get(path, "application/json");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Both verifiers' verdicts on the credential, given the documents; the files go to {@code dir} under the name. */
    public static Result run(Path dir, String name, String credential, Map<String, String> documents)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve(name + ".json"), credential);
        Output output = node("crosscheck.mjs", file, documentsFile(dir, name, documents));
        List<Boolean> verdicts = output.stdout()
                .lines()
                .map(line -> line.startsWith("{") && JsonFields.verified(line))
                .toList();
        assertThat(verdicts).as(name + ": " + output.stdout() + output.stderr()).hasSize(2);
        return new Result(verdicts, output.stdout());
    }

    /**
     * {@code interop/jwtcheck.mjs}'s verdict on a VC-JWT, given the documents: its one line of JSON ({@code verified},
     * and each check {@code passed} or {@code failed}). The files go to {@code dir} under the name.
     */
    public static String jwtCheck(Path dir, String name, String jwt, Map<String, String> documents)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve(name + ".jwt"), jwt);
        Output output = node("jwtcheck.mjs", file, documentsFile(dir, name, documents));
        List<String> lines = output.stdout().lines().toList();
        assertThat(lines).as(name + ": " + output.stdout() + output.stderr()).hasSize(1);
        return lines.getFirst();
    }

    /** Runs {@code npm ci} in interop/ unless its packages are there: for a test that installs them itself. */
    public static void installIfMissing() throws IOException, InterruptedException {
        if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
            assertThat(exec(List.of("npm", "ci", "--no-audit", "--no-fund"), 600)
                            .exit())
                    .as("npm ci in interop/")
                    .isZero();
        }
    }

    private static Path documentsFile(Path dir, String name, Map<String, String> documents) throws IOException {
        StringBuilder json = new StringBuilder("{");
        documents.forEach((url, body) -> json.append(json.length() > 1 ? "," : "")
                .append(JSON.writeValueAsString(url))
                .append(':')
                .append(body));
        return Files.writeString(dir.resolve(name + "-documents.json"), json.append('}'));
    }

    private static Output node(String script, Path file, Path documentsFile) throws IOException, InterruptedException {
        return exec(List.of("node", script, file.toString(), "--documents", documentsFile.toString()), 180);
    }

    private record Output(int exit, String stdout, String stderr) {}

    private static Output exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
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
        return new Output(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
