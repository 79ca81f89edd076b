package org.openler.standards.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.BundledContexts;

/** Entry points for building credentials and presentations. */
public final class Credentials {

    private Credentials() {}

    public static OpenBadgeCredentialBuilder openBadge() {
        return new OpenBadgeCredentialBuilder();
    }

    public static ClrCredentialBuilder clr() {
        return new ClrCredentialBuilder();
    }

    /** An unsigned VC DM 2.0 presentation of signed credentials, with the holder's DID if it will be signed. */
    public static JsonObject presentation(Optional<String> holder, List<JsonObject> credentials) {
        JsonArrayBuilder vcs = Jsons.PROVIDER.createArrayBuilder();
        credentials.forEach(vcs::add);
        JsonObjectBuilder vp = Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", Jsons.PROVIDER.createArrayBuilder().add(BundledContexts.VC_V2))
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"));
        holder.ifPresent(h -> vp.add("holder", h));
        return vp.add("verifiableCredential", vcs).build();
    }

    /**
     * Refuses documents that use {@code jti} or {@code endorsementJwt}: only the newer of the two circulating OB 3.0.3
     * context revisions defines them, and verifiers holding the older one would reject the credential.
     */
    public static JsonObject requireEmittable(JsonObject document) {
        findForbidden(document).ifPresent(term -> {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT,
                    "The term '" + term
                            + "' is not emitted: only one of the two OB 3.0.3 context revisions defines it");
        });
        return document;
    }

    static Optional<String> findForbidden(JsonValue value) {
        if (value instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                if (BundledContexts.NEVER_EMITTED_TERMS.contains(entry.getKey())) {
                    return Optional.of(entry.getKey());
                }
                Optional<String> nested = findForbidden(entry.getValue());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                Optional<String> nested = findForbidden(item);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
