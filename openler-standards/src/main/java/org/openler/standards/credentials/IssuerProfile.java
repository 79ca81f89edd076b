package org.openler.standards.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Optional;
import org.openler.standards.did.Did;
import org.openler.standards.json.Jsons;

/** An OB 3.0 issuer {@code Profile}: the organization's DID, name and optional home page. */
public record IssuerProfile(Did id, String name, Optional<URI> url) {

    JsonObject toJson() {
        JsonObjectBuilder profile = Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", id.value())
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("Profile"))
                .add("name", name);
        url.ifPresent(u -> profile.add("url", u.toString()));
        return profile.build();
    }
}
