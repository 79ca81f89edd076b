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
import org.openler.standards.jsonld.BundledContexts;

/**
 * The parts of a DID document a verifier needs: Multikey verification methods and which of them may be used for
 * assertions (issuing credentials) and authentication (presentations).
 */
public record DidDocument(
        Did id,
        List<VerificationMethod> verificationMethods,
        List<String> assertionMethod,
        List<String> authentication) {

    public DidDocument {
        verificationMethods = List.copyOf(verificationMethods);
        assertionMethod = List.copyOf(assertionMethod);
        authentication = List.copyOf(authentication);
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
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "@context",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(BundledContexts.DID_V1)
                                .add(BundledContexts.MULTIKEY_V1))
                .add("id", id.value())
                .add("verificationMethod", methods)
                .add("assertionMethod", Jsons.PROVIDER.createArrayBuilder(assertionMethod))
                .add("authentication", Jsons.PROVIDER.createArrayBuilder(authentication))
                .build();
    }

    /**
     * Reads a DID document. Verification methods must be Multikey Ed25519; embedded methods under assertionMethod or
     * authentication are accepted too. Other key types are skipped, not guessed at.
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
        List<String> assertion = new ArrayList<>();
        List<String> authentication = new ArrayList<>();
        for (JsonValue value : array(json, "verificationMethod")) {
            if (value instanceof JsonObject object) {
                method(object, expected).ifPresent(methods::add);
            }
        }
        relationship(json, "assertionMethod", expected, methods, assertion);
        relationship(json, "authentication", expected, methods, authentication);
        return new DidDocument(expected, methods, assertion, authentication);
    }

    private static void relationship(
            JsonObject json, String name, Did did, List<VerificationMethod> methods, List<String> ids) {
        for (JsonValue value : array(json, name)) {
            if (value instanceof JsonString s) {
                ids.add(absolute(s.getString(), did));
            } else if (value instanceof JsonObject object) {
                method(object, did).ifPresent(m -> {
                    methods.add(m);
                    ids.add(m.id());
                });
            }
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
