package org.openler.standards.did;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jsonld.BundledContexts;

/**
 * The parts of a DID document a verifier needs: Multikey verification methods (Ed25519, for Data Integrity proofs),
 * JsonWebKey verification methods (for VC-JWTs), and which of them may be used for assertions (issuing credentials)
 * and authentication (presentations).
 */
public record DidDocument(
        Did id,
        List<VerificationMethod> verificationMethods,
        List<String> assertionMethod,
        List<String> authentication,
        List<JsonWebKeyMethod> jsonWebKeys) {

    /** The context that defines {@code JsonWebKey} and {@code publicKeyJwk}; only written when there are such keys. */
    public static final String JWK_CONTEXT = "https://w3id.org/security/jwk/v1";

    public DidDocument {
        verificationMethods = List.copyOf(verificationMethods);
        assertionMethod = List.copyOf(assertionMethod);
        authentication = List.copyOf(authentication);
        jsonWebKeys = List.copyOf(jsonWebKeys);
    }

    /** A document with Multikey methods only. */
    public DidDocument(
            Did id,
            List<VerificationMethod> verificationMethods,
            List<String> assertionMethod,
            List<String> authentication) {
        this(id, verificationMethods, assertionMethod, authentication, List.of());
    }

    /** The same document with JsonWebKey methods added, each authorised for assertions (issuing credentials). */
    public DidDocument withJsonWebKeys(List<JsonWebKeyMethod> keys) {
        List<JsonWebKeyMethod> all = new ArrayList<>(jsonWebKeys);
        all.addAll(keys);
        List<String> assertion = new ArrayList<>(assertionMethod);
        keys.forEach(k -> assertion.add(k.id()));
        return new DidDocument(id, verificationMethods, assertion, authentication, all);
    }

    /** The JsonWebKey verification method with this id, if the document has it. */
    public Optional<JsonWebKeyMethod> jsonWebKey(String id) {
        return jsonWebKeys.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The verification method with this id, if the document has it. */
    public Optional<VerificationMethod> method(String id) {
        return verificationMethods.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Whether this document authorises the verification method for the proof purpose. */
    public boolean authorises(String methodId, String proofPurpose) {
        return switch (proofPurpose) {
            case "assertionMethod" -> assertionMethod.contains(methodId);
            case "authentication" -> authentication.contains(methodId);
            default -> false;
        };
    }

    /** The JSON document ({@code did.json}). */
    public JsonObject toJson() {
        JsonArrayBuilder methods = Jsons.PROVIDER.createArrayBuilder();
        verificationMethods.forEach(m -> methods.add(m.toJson()));
        jsonWebKeys.forEach(m -> methods.add(m.toJson()));
        JsonArrayBuilder contexts =
                Jsons.PROVIDER.createArrayBuilder().add(BundledContexts.DID_V1).add(BundledContexts.MULTIKEY_V1);
        if (!jsonWebKeys.isEmpty()) {
            contexts.add(JWK_CONTEXT);
        }
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", contexts)
                .add("id", id.value())
                .add("verificationMethod", methods)
                .add("assertionMethod", Jsons.PROVIDER.createArrayBuilder(assertionMethod))
                .add("authentication", Jsons.PROVIDER.createArrayBuilder(authentication))
                .build();
    }

    /**
     * Reads a DID document. Verification methods must be Multikey Ed25519 or JsonWebKey (a public JWK); embedded
     * methods under assertionMethod or authentication are accepted too. Other key types are skipped, not guessed at.
     *
     * @throws StandardsException DID_NOT_RESOLVED when the document is malformed or is not about {@code expected}
     */
    public static DidDocument parse(JsonObject json, Did expected) {
        String id = json.get("id") instanceof JsonString s ? s.getString() : "";
        if (!id.equals(expected.value())) {
            throw new StandardsException(
                    Code.DID_NOT_RESOLVED, "The DID document's id is not " + expected.value() + " but " + id);
        }
        List<VerificationMethod> methods = new ArrayList<>();
        List<JsonWebKeyMethod> jwks = new ArrayList<>();
        List<String> assertion = new ArrayList<>();
        List<String> authentication = new ArrayList<>();
        for (JsonValue value : array(json, "verificationMethod")) {
            if (value instanceof JsonObject object) {
                method(object, expected).ifPresent(methods::add);
                jsonWebKey(object, expected).ifPresent(jwks::add);
            }
        }
        relationship(json, "assertionMethod", expected, methods, jwks, assertion);
        relationship(json, "authentication", expected, methods, jwks, authentication);
        return new DidDocument(expected, methods, assertion, authentication, jwks);
    }

    private static void relationship(
            JsonObject json,
            String name,
            Did did,
            List<VerificationMethod> methods,
            List<JsonWebKeyMethod> jwks,
            List<String> ids) {
        for (JsonValue value : array(json, name)) {
            if (value instanceof JsonString s) {
                ids.add(absolute(s.getString(), did));
            } else if (value instanceof JsonObject object) {
                method(object, did).ifPresent(m -> {
                    methods.add(m);
                    ids.add(m.id());
                });
                jsonWebKey(object, did).ifPresent(m -> {
                    jwks.add(m);
                    ids.add(m.id());
                });
            }
        }
    }

    /** A JsonWebKey (or JsonWebKey2020) method with a public JWK; anything else, or a JWK with private parts, is not. */
    private static Optional<JsonWebKeyMethod> jsonWebKey(JsonObject object, Did did) {
        String type = object.getString("type", "");
        if (!(object.get("id") instanceof JsonString id)
                || !(object.get("controller") instanceof JsonString controller)
                || !(object.get("publicKeyJwk") instanceof JsonObject jwk)
                || !(type.equals("JsonWebKey") || type.equals("JsonWebKey2020"))) {
            return Optional.empty();
        }
        try {
            com.nimbusds.jose.jwk.JWK key = com.nimbusds.jose.jwk.JWK.parse(StrictJson.write(jwk));
            return Optional.of(
                    new JsonWebKeyMethod(absolute(id.getString(), did), Did.of(controller.getString()), key));
        } catch (java.text.ParseException | StandardsException e) {
            return Optional.empty();
        }
    }

    private static Optional<VerificationMethod> method(JsonObject object, Did did) {
        if (!(object.get("id") instanceof JsonString id)
                || !(object.get("controller") instanceof JsonString controller)
                || !(object.get("publicKeyMultibase") instanceof JsonString key)
                || !"Multikey".equals(object.getString("type", ""))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VerificationMethod(
                    absolute(id.getString(), did),
                    Did.of(controller.getString()),
                    Multikey.decodePublicKey(key.getString())));
        } catch (StandardsException e) {
            return Optional.empty();
        }
    }

    private static String absolute(String id, Did did) {
        return id.startsWith("#") ? did.value() + id : id;
    }

    private static List<JsonValue> array(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null) {
            return List.of();
        }
        return value instanceof JsonArray array ? array : List.of(value);
    }
}
