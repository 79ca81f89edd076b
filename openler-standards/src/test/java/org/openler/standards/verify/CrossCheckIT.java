package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.standards.Fixtures;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidWeb;
import org.openler.standards.did.JsonWebKeyMethod;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.VcJwt;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusListCredentials;
import org.openler.standards.status.StatusPurpose;

/**
 * Cross-check with two independent implementations: credentials signed here, fresh, are verified by digitalbazaar's
 * {@code @digitalbazaar/vc} and DCC's {@code @digitalcredentials/verifier-core} through {@code interop/crosscheck.mjs}
 * (offline; did:web documents and status lists are handed over in a file). Needs Node 20+; it fails, never skips,
 * without it.
 */
class CrossCheckIT {

    private static final Path INTEROP =
            Path.of("..", "interop").toAbsolutePath().normalize();
    private static final Instant NOW = Instant.now();
    private static final Ed25519KeyPair KEY = Ed25519.generate();
    private static final Did WEB = DidWeb.forOrganization("demo.example", "demo-university");
    private static final URI LIST = URI.create("https://demo.example/orgs/demo-university/status/1");
    private static final ECKey JWT_KEY = p256(WEB + "#jwk-1");

    @TempDir
    static Path dir;

    @BeforeAll
    static void installTheIndependentVerifiers() throws Exception {
        assertThat(INTEROP.resolve("crosscheck.mjs")).exists();
        if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600).exit())
                    .as("npm ci in interop/")
                    .isZero();
        }
        BitstringStatusList list = BitstringStatusList.create();
        list.set(9, true);
        JsonObject listCredential = EddsaRdfc2022.sign(
                StatusListCredentials.unsigned(
                        LIST, WEB.value(), StatusPurpose.REVOCATION, list, NOW.minusSeconds(60), Optional.empty()),
                KEY,
                ProofOptions.assertion(WEB + "#key-1", NOW));
        JsonObject documents = Json.createObjectBuilder()
                .add(
                        DidWeb.documentUrl(WEB).toString(),
                        // as the platform publishes it: the Ed25519 Multikey and the VC-JWT key as a JsonWebKey
                        DidWeb.document(WEB, List.of(KEY.publicKey()))
                                .withJsonWebKeys(
                                        List.of(new JsonWebKeyMethod(WEB + "#jwk-1", WEB, JWT_KEY.toPublicJWK())))
                                .toJson())
                .add(LIST.toString(), listCredential)
                .build();
        Files.writeString(dir.resolve("documents.json"), StrictJson.write(documents));
    }

    @Test
    void didKeyCredentialSignedHereVerifiesInBothAndATamperedCopyInNeither() throws Exception {
        Ed25519KeyPair key = Ed25519.generate();
        JsonObject signed = sign(
                badge(DidKey.of(key.publicKey()), Recipient.email("learner@example.org"), Optional.empty()),
                key,
                DidKey.verificationMethodId(key.publicKey()));
        assertThat(crossCheck(signed, "didkey")).containsOnly(true);
        JsonObject tampered =
                Json.createObjectBuilder(signed).add("name", "Forged").build();
        assertThat(crossCheck(tampered, "didkey-tampered")).containsOnly(false);
    }

    @Test
    void didWebCredentialWithStatusVerifiesInBothUntilRevoked() throws Exception {
        JsonObject ok = sign(
                badge(
                        WEB,
                        Recipient.did(Fixtures.HOLDER_DID),
                        Optional.of(new StatusEntry(LIST, StatusPurpose.REVOCATION, 3))),
                KEY,
                WEB + "#key-1");
        assertThat(crossCheck(ok, "didweb-ok")).containsOnly(true);
        JsonObject revoked = sign(
                badge(
                        WEB,
                        Recipient.did(Fixtures.HOLDER_DID),
                        Optional.of(new StatusEntry(LIST, StatusPurpose.REVOCATION, 9))),
                KEY,
                WEB + "#key-1");
        assertThat(crossCheck(revoked, "didweb-revoked")).containsOnly(false);
    }

    @Test
    void clrBundlingSignedCredentialsVerifiesInBoth() throws Exception {
        Ed25519KeyPair key = Ed25519.generate();
        Did issuer = DidKey.of(key.publicKey());
        String method = DidKey.verificationMethodId(key.publicKey());
        var clr = Credentials.clr()
                .id(URI.create("urn:uuid:" + UUID.randomUUID()))
                .name("Transcript")
                .issuer(new IssuerProfile(issuer, "Demo University", Optional.empty()))
                .recipient(Recipient.did(Fixtures.HOLDER_DID))
                .validFrom(NOW.minusSeconds(60));
        for (int i = 0; i < 2; i++) {
            clr.add(sign(badge(issuer, Recipient.did(Fixtures.HOLDER_DID), Optional.empty()), key, method));
        }
        assertThat(crossCheck(sign(clr.build(), key, method), "clr")).containsOnly(true);
    }

    /**
     * No independent VC-JWT verifier runs offline here (digitalbazaar and DCC verify Data Integrity only), so
     * {@code interop/jwtcheck.mjs} composes one: node:crypto (OpenSSL) for the ES256 signature with the JsonWebKey of
     * the did:web document, the registered claims against the vc claim, digitalbazaar's data model check, and
     * digitalbazaar's Bitstring Status List check (which verifies the list's own Data Integrity proof).
     */
    @Test
    void vcJwtSignedHereVerifiesIndependentlyUntilRevokedAndATamperedCopyDoesNot() throws Exception {
        String ok = VcJwt.sign(
                badge(
                        WEB,
                        Recipient.email("learner@example.org"),
                        Optional.of(new StatusEntry(LIST, StatusPurpose.REVOCATION, 3))),
                JWT_KEY);
        JsonObject verdict = jwtCheck(ok, "jwt-ok");
        assertThat(verdict.getBoolean("verified")).as(verdict.toString()).isTrue();
        assertThat(verdict.getJsonObject("checks").values())
                .hasSize(4)
                .allMatch(v -> v.toString().equals("\"passed\""));

        String revoked = VcJwt.sign(
                badge(
                        WEB,
                        Recipient.email("learner@example.org"),
                        Optional.of(new StatusEntry(LIST, StatusPurpose.REVOCATION, 9))),
                JWT_KEY);
        JsonObject revokedVerdict = jwtCheck(revoked, "jwt-revoked");
        assertThat(revokedVerdict.getBoolean("verified")).isFalse();
        assertThat(revokedVerdict.getJsonObject("checks").getString("status")).isEqualTo("failed");
        assertThat(revokedVerdict.getJsonObject("checks").getString("jose")).isEqualTo("passed");

        String[] parts = ok.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("Data Analysis Fundamentals", "Data Analysis Mastery")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(forged).isNotEqualTo(parts[1]);
        JsonObject tampered = jwtCheck(parts[0] + "." + forged + "." + parts[2], "jwt-tampered");
        assertThat(tampered.getBoolean("verified")).isFalse();
        assertThat(tampered.getJsonObject("checks").getString("jose")).isEqualTo("failed");

        JsonObject otherKey = jwtCheck(
                VcJwt.sign(
                        badge(
                                WEB,
                                Recipient.email("x@example.org"),
                                Optional.of(new StatusEntry(LIST, StatusPurpose.REVOCATION, 3))),
                        p256(WEB + "#jwk-1")),
                "jwt-other-key");
        assertThat(otherKey.getJsonObject("checks").getString("jose"))
                .as("a key the DID document does not publish")
                .isEqualTo("failed");
    }

    private static ECKey p256(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject jwtCheck(String jwt, String name) throws Exception {
        Path file = dir.resolve(name + ".jwt");
        Files.writeString(file, jwt);
        Result result = run(
                List.of(
                        "node",
                        "jwtcheck.mjs",
                        file.toString(),
                        "--documents",
                        dir.resolve("documents.json").toString()),
                180);
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(name + ": " + result.stdout() + result.stderr()).hasSize(1);
        JsonObject verdict = StrictJson.parseObject(lines.get(0));
        assertThat(result.exit()).isEqualTo(verdict.getBoolean("verified") ? 0 : 1);
        return verdict;
    }

    private static JsonObject badge(Did issuer, Recipient recipient, Optional<StatusEntry> status) {
        var builder = Credentials.openBadge()
                .id(URI.create("urn:uuid:" + UUID.randomUUID()))
                .issuer(new IssuerProfile(issuer, "Demo University", Optional.of(URI.create("https://demo.example/"))))
                .recipient(recipient)
                .achievement(Fixtures.achievement())
                .validFrom(NOW.minusSeconds(60))
                .validUntil(NOW.plusSeconds(86_400));
        status.ifPresent(builder::status);
        return builder.build();
    }

    private static JsonObject sign(JsonObject unsigned, Ed25519KeyPair key, String method) {
        return EddsaRdfc2022.sign(unsigned, key, ProofOptions.assertion(method, NOW));
    }

    /** The verdict of each independent verifier. */
    private static List<Boolean> crossCheck(JsonObject credential, String name) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, StrictJson.write(credential));
        Result result = run(
                List.of(
                        "node",
                        "crosscheck.mjs",
                        file.toString(),
                        "--documents",
                        dir.resolve("documents.json").toString()),
                180);
        List<Boolean> verdicts = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            verdicts.add(StrictJson.parseObject(line).getBoolean("verified"));
        }
        assertThat(verdicts).as(name + ": " + result.stdout() + result.stderr()).hasSize(2);
        return verdicts;
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
        var out = process.getInputStream();
        var err = process.getErrorStream();
        var stdout = new java.util.concurrent.CompletableFuture<String>();
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread.startVirtualThread(() -> stdout.complete(read(out)));
        Thread.startVirtualThread(() -> stderr.complete(read(err)));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
