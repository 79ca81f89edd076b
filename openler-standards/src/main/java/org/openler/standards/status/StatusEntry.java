package org.openler.standards.status;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;

/**
 * A {@code BitstringStatusListEntry}: which bit of which list holds a credential's status for one purpose.
 *
 * @param statusListCredential the URL of the status list credential
 * @param purpose revocation or suspension
 * @param index the bit
 */
public record StatusEntry(URI statusListCredential, StatusPurpose purpose, int index) {

    public StatusEntry {
        if (index < 0) {
            throw new StandardsException(Code.INVALID_STATUS, "A status index is not negative");
        }
        if (!statusListCredential.isAbsolute()) {
            throw new StandardsException(Code.INVALID_STATUS, "statusListCredential must be an absolute URL");
        }
    }

    /** The entry's JSON, with id {@code <list>#<index>} (stable and unique within the list). */
    public JsonObject toJson() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", statusListCredential + "#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", purpose.value())
                .add("statusListIndex", Integer.toString(index))
                .add("statusListCredential", statusListCredential.toString())
                .build();
    }

    /**
     * Reads an entry.
     *
     * @throws StandardsException INVALID_STATUS with the reason
     */
    public static StatusEntry parse(JsonObject json) {
        if (!"BitstringStatusListEntry".equals(json.getString("type", ""))) {
            throw new StandardsException(Code.INVALID_STATUS, "credentialStatus type is not BitstringStatusListEntry");
        }
        String purpose = json.get("statusPurpose") instanceof JsonString s ? s.getString() : "";
        StatusPurpose statusPurpose = StatusPurpose.of(purpose)
                .orElseThrow(() -> new StandardsException(
                        Code.INVALID_STATUS, "statusPurpose '" + purpose + "' is not revocation or suspension"));
        // The spec makes the index a string; some issuers (the 1EdTech fixtures among them) write a JSON number.
        String index = json.get("statusListIndex") instanceof JsonString s
                ? s.getString()
                : json.get("statusListIndex") instanceof jakarta.json.JsonNumber n && n.isIntegral()
                        ? n.toString()
                        : "";
        if (!index.matches("0|[1-9][0-9]{0,9}")) {
            throw new StandardsException(Code.INVALID_STATUS, "statusListIndex must be a non-negative integer string");
        }
        String url = json.get("statusListCredential") instanceof JsonString s ? s.getString() : "";
        try {
            return new StatusEntry(URI.create(url), statusPurpose, Integer.parseInt(index));
        } catch (IllegalArgumentException e) {
            throw new StandardsException(Code.INVALID_STATUS, "statusListCredential is not a URL or index too large");
        }
    }
}
