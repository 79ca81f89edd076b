package org.openler.standards.jsonld;

import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;

/**
 * The static allow-list of JSON-LD contexts: URL to bundled resource and its pinned SHA-256. Each file is read, hashed
 * and parsed once, when this class loads; a file whose digest differs from the pin is never served. Every other URL,
 * remote or unknown, is refused.
 */
public final class BundledContexts {

    /** One allow-listed context. */
    public record Entry(String url, String file, String sha256) {}

    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    public static final String OB_V3P0_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_V3P0_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    public static final String CLR_V2P0_2_0_1 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    public static final String DID_V1 = "https://www.w3.org/ns/did/v1";
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
    public static final String EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";

    /** Pinned: the digests are those recorded in shared/data/contexts/MANIFEST.tsv (role = primary). */
    public static final List<Entry> ALLOW_LIST = List.of(
            new Entry(
                    VC_V2, "credentials-v2.jsonld", "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"),
            new Entry(
                    VC_V1, "credentials-v1.jsonld", "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8"),
            new Entry(
                    "https://www.w3.org/ns/credentials/undefined-terms/v2",
                    "credentials-undefined-terms-v2.jsonld",
                    "82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581"),
            new Entry(
                    "https://www.w3.org/ns/credentials/status/v1",
                    "credentials-status-v1.jsonld",
                    "fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c"),
            new Entry(
                    DATA_INTEGRITY_V2,
                    "data-integrity-v2.jsonld",
                    "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"),
            new Entry(
                    "https://w3id.org/security/data-integrity/v1",
                    "data-integrity-v1.jsonld",
                    "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"),
            new Entry(
                    MULTIKEY_V1,
                    "multikey-v1.jsonld",
                    "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"),
            new Entry(DID_V1, "did-v1.jsonld", "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f"),
            new Entry(
                    "https://w3id.org/security/suites/ed25519-2020/v1",
                    "ed25519-signature-2020-v1.jsonld",
                    "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"),
            new Entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
                    "ob-v3p0-context.json",
                    "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"),
            new Entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
                    "ob-v3p0-context-3.0.1.json",
                    "cfc147db5fd5e3575b06bd471fe04784e92de69296f64a351b8dff0ec3372e9c"),
            new Entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
                    "ob-v3p0-context-3.0.2.json",
                    "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53"),
            // The current served revision (adds jti and endorsementJwt); we load it but never emit those two terms.
            new Entry(
                    OB_V3P0_3_0_3,
                    "ob-v3p0-context-3.0.3.json",
                    "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"),
            new Entry(
                    OB_V3P0_EXTENSIONS,
                    "ob-v3p0-extensions.json",
                    "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"),
            new Entry(
                    CLR_V2P0_2_0_1,
                    "clr-v2p0-context-2.0.1.json",
                    "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"),
            new Entry(
                    "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
                    "clr-v2p0-context.json",
                    "e198d7b517d74c5036434ce495086f67b10244709e9a3df9dcb7f8b1579b6167"),
            // What the W3C test suites and specification examples use, and what older wallets still sign with.
            new Entry(
                    EXAMPLES_V2,
                    "credentials-examples-v2.jsonld",
                    "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"),
            new Entry(
                    "https://www.w3.org/2018/credentials/examples/v1",
                    "credentials-examples-v1.jsonld",
                    "7c93b87a80d3e1dd3db2aa579c5f75138bfa887164ca610136bb3bbbb0dc0bee"),
            new Entry(
                    "https://w3id.org/security/v1",
                    "security-v1.jsonld",
                    "abaf97e107d1925503c433dcaf3ffd2831697cacc1ed2a293e1bc8030d5bcb47"),
            new Entry(
                    "https://w3id.org/security/v2",
                    "security-v2.jsonld",
                    "611bd81151d5efe53ec9aed78f5a813e577287bc9451ee26d6879b1b8b46bc3b"),
            new Entry(
                    "https://w3id.org/security/suites/jws-2020/v1",
                    "suites-jws-2020-v1.jsonld",
                    "d648e05ddc6577827ca2bfd5e931f53e9ebc6e52a57a8da81df4ec8c46ffcd1e"),
            // StatusList2021, which the DCC wallet's credentials name: loaded so they parse and their proofs verify;
            // the verifier still fails their status closed (it checks BitstringStatusListEntry only).
            new Entry(
                    "https://w3id.org/vc/status-list/2021/v1",
                    "vc-status-list-2021-v1.jsonld",
                    "634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160"),
            new Entry(
                    "https://w3id.org/security/suites/ed25519-2018/v1",
                    "suites-ed25519-2018-v1.jsonld",
                    "166c6abb9e08176cee5f6c87c9c1bbfefa5717da391bcac525e5437f93eab809"));

    /** The two terms only the newer OB 3.0.3 revision defines; emitting them breaks verifiers with the older copy. */
    public static final Set<String> NEVER_EMITTED_TERMS = Set.of("jti", "endorsementJwt");

    private sealed interface Loaded permits Parsed, Rejected {}

    private record Parsed(JsonStructure json) implements Loaded {}

    private record Rejected(String reason) implements Loaded {}

    private static final Map<String, Loaded> LOADED = loadAll();

    private BundledContexts() {}

    /** True when the URL is on the allow-list (and its file matched its pin). */
    public static boolean isAllowed(String url) {
        return LOADED.get(url) instanceof Parsed;
    }

    /**
     * The parsed context for an allow-listed URL. The returned structure is immutable and shared: it was parsed once.
     *
     * @throws StandardsException CONTEXT_NOT_ALLOWED for any other URL, CONTEXT_INTEGRITY for a file that failed its
     *     pin
     */
    public static JsonStructure context(String url) {
        Loaded loaded = LOADED.get(url);
        if (loaded == null) {
            throw new StandardsException(
                    Code.CONTEXT_NOT_ALLOWED,
                    "JSON-LD context <" + url + "> is not one of the bundled, pinned contexts; nothing is fetched");
        }
        return switch (loaded) {
            case Parsed p -> p.json();
            case Rejected r -> throw new StandardsException(Code.CONTEXT_INTEGRITY, r.reason());
        };
    }

    /** The allow-list entry for a URL, if any. */
    public static Optional<Entry> entry(String url) {
        return ALLOW_LIST.stream().filter(e -> e.url().equals(url)).findFirst();
    }

    private static Map<String, Loaded> loadAll() {
        Map<String, Loaded> result = new LinkedHashMap<>();
        for (Entry entry : ALLOW_LIST) {
            result.put(entry.url(), load(entry));
        }
        return Map.copyOf(result);
    }

    private static Loaded load(Entry entry) {
        String resource = "contexts/" + entry.file();
        try (InputStream in = BundledContexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new Rejected("Bundled context " + resource + " for <" + entry.url() + "> is missing");
            }
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!digest.equals(entry.sha256())) {
                return new Rejected("Bundled context for <" + entry.url() + "> has sha256 " + digest
                        + ", not the pinned " + entry.sha256());
            }
            try (var reader =
                    Jsons.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                return new Parsed(reader.read());
            }
        } catch (IOException | NoSuchAlgorithmException | JsonParsingException e) {
            return new Rejected("Bundled context for <" + entry.url() + "> cannot be read: " + e.getMessage());
        }
    }
}
