package org.openler.standards.credentials;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.BundledContexts;

/** Builds an unsigned CLR 2.0 {@code ClrCredential} bundling a learner's signed credentials from one provider. */
public final class ClrCredentialBuilder {

    private URI id;
    private String name;
    private IssuerProfile issuer;
    private Recipient recipient;
    private Instant validFrom;
    private final List<JsonObject> credentials = new ArrayList<>();

    ClrCredentialBuilder() {}

    public ClrCredentialBuilder id(URI id) {
        this.id = id;
        return this;
    }

    public ClrCredentialBuilder name(String name) {
        this.name = name;
        return this;
    }

    public ClrCredentialBuilder issuer(IssuerProfile issuer) {
        this.issuer = issuer;
        return this;
    }

    public ClrCredentialBuilder recipient(Recipient recipient) {
        this.recipient = recipient;
        return this;
    }

    public ClrCredentialBuilder validFrom(Instant validFrom) {
        this.validFrom = validFrom;
        return this;
    }

    /** Adds a signed credential, exactly as it was signed. */
    public ClrCredentialBuilder add(JsonObject signedCredential) {
        credentials.add(signedCredential);
        return this;
    }

    public JsonObject build() {
        if (id == null || name == null || issuer == null || recipient == null || validFrom == null) {
            throw new StandardsException(
                    Code.INVALID_ARGUMENT, "A ClrCredential needs id, name, issuer, recipient and validFrom");
        }
        if (credentials.isEmpty()) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A ClrCredential bundles at least one credential");
        }
        JsonObjectBuilder subject = Jsons.PROVIDER.createObjectBuilder();
        if (recipient instanceof Recipient.ByDid d) {
            subject.add("id", d.did().value());
        }
        subject.add("type", Jsons.PROVIDER.createArrayBuilder().add("ClrSubject"));
        if (recipient instanceof Recipient.ByIdentity i) {
            subject.add(
                    "identifier",
                    Jsons.PROVIDER.createArrayBuilder().add(i.identity().toJson()));
        }
        JsonArrayBuilder bundled = Jsons.PROVIDER.createArrayBuilder();
        credentials.forEach(bundled::add);
        subject.add("verifiableCredential", bundled);
        JsonObject clr = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "@context",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add(BundledContexts.CLR_V2P0_2_0_1)
                                .add(BundledContexts.OB_V3P0_3_0_3))
                .add("id", id.toString())
                .add(
                        "type",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("ClrCredential"))
                .add("name", name)
                .add("issuer", issuer.toJson())
                .add("validFrom", OpenBadgeCredentialBuilder.format(validFrom))
                .add("credentialSubject", subject)
                .build();
        return Credentials.requireEmittable(clr);
    }
}
