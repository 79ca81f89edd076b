package org.openler.standards.status;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.BundledContexts;

/** Builds and reads {@code BitstringStatusListCredential}s (unsigned: sign them with Data Integrity). */
public final class StatusListCredentials {

    private StatusListCredentials() {}

    /**
     * The unsigned status list credential for a list published at {@code url}.
     *
     * @param url where it is served; also its id
     * @param issuer the issuer DID (must be the issuer of the credentials that point at it)
     * @param validUntil when verifiers should fetch a fresh copy, if the list is refreshed on a schedule
     */
    public static JsonObject unsigned(
            URI url,
            String issuer,
            StatusPurpose purpose,
            BitstringStatusList list,
            Instant validFrom,
            Optional<Instant> validUntil) {
        JsonObjectBuilder credential = Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", Jsons.PROVIDER.createArrayBuilder().add(BundledContexts.VC_V2))
                .add("id", url.toString())
                .add(
                        "type",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("BitstringStatusListCredential"))
                .add("issuer", issuer)
                .add("validFrom", format(validFrom));
        validUntil.ifPresent(until -> credential.add("validUntil", format(until)));
        return credential
                .add(
                        "credentialSubject",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("id", url + "#list")
                                .add("type", "BitstringStatusList")
                                .add("statusPurpose", purpose.value())
                                .add("encodedList", list.encode()))
                .build();
    }

    /** The issuer of a status list credential (string or object id). */
    public static String issuer(JsonObject credential) {
        var issuer = credential.get("issuer");
        if (issuer instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        if (issuer instanceof JsonObject o && o.get("id") instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        throw new StandardsException(Code.INVALID_STATUS, "The status list credential has no issuer");
    }

    /**
     * The list and purpose of a status list credential (not its proof: the verifier checks that separately).
     *
     * @throws StandardsException INVALID_STATUS with the reason
     */
    public static DecodedList decode(JsonObject credential) {
        if (!(credential.get("type") instanceof jakarta.json.JsonArray types)
                || !types.contains(Jsons.PROVIDER.createValue("BitstringStatusListCredential"))) {
            throw new StandardsException(Code.INVALID_STATUS, "Not a BitstringStatusListCredential");
        }
        if (!(credential.get("credentialSubject") instanceof JsonObject subject)
                || !"BitstringStatusList".equals(subject.getString("type", ""))) {
            throw new StandardsException(Code.INVALID_STATUS, "The status list credential's subject is not a list");
        }
        StatusPurpose purpose = StatusPurpose.of(subject.getString("statusPurpose", ""))
                .orElseThrow(() -> new StandardsException(Code.INVALID_STATUS, "Unknown status list purpose"));
        return new DecodedList(purpose, BitstringStatusList.decode(subject.getString("encodedList", "")));
    }

    /** A decoded list and its purpose. */
    public record DecodedList(StatusPurpose purpose, BitstringStatusList list) {}

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
