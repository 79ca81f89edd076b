package org.openler.standards.credentials;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Optional;
import org.openler.standards.did.Did;

/** An OB 3.0 issuer {@code Profile}: the organization's DID, name and optional home page. */
public record IssuerProfile(Did id, String name, Optional<URI> url) {

    JsonObject toJson() {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("id", id.value())
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", name);
        url.ifPresent(u -> profile.add("url", u.toString()));
        return profile.build();
    }
}
