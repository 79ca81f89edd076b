package org.openler.platform.exchange;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofExpectations;
import org.openler.standards.dataintegrity.VerifiedProof;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jsonld.BundledContexts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The VC-API exchange, as the DCC Learner Credential Wallet drives it: an empty JSON object asks what the exchange
 * wants (a DIDAuthentication presentation request with a challenge and this platform as domain); a presentation
 * signed by the wallet's did:key with that challenge and domain (proof purpose authentication) is answered with the
 * credential issued to that DID, inside an (unsigned) presentation.
 */
@RestController
class VcApiExchanges {

    private final ExchangeStore store;
    private final Delivery delivery;
    private final PlatformUrls urls;

    VcApiExchanges(ExchangeStore store, Delivery delivery, PlatformUrls urls) {
        this.store = store;
        this.delivery = delivery;
        this.urls = urls;
    }

    @PostMapping(value = "/exchanges/{exchangeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Audience.PUBLIC)
    @Transactional
    ResponseEntity<String> participate(@PathVariable UUID exchangeId, @RequestBody(required = false) byte[] body) {
        JsonObject message = parse(body);
        ExchangeStore.Row row =
                store.byId(exchangeId, true).orElseThrow(() -> PlatformException.notFound("The exchange"));
        if (!(message.get("verifiablePresentation") instanceof JsonObject presentation)) {
            delivery.checkUnused(row);
            return json(presentationRequest(row));
        }
        Did holder = authenticate(presentation, row);
        String credential = delivery.deliver(row, holder, CredentialFormat.LDP, "VCAPI");
        return json(Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "verifiablePresentation",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "@context",
                                        Jsons.PROVIDER.createArrayBuilder().add(BundledContexts.VC_V2))
                                .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                                .add(
                                        "verifiableCredential",
                                        Jsons.PROVIDER.createArrayBuilder().add(StrictJson.parseObject(credential))))
                .build());
    }

    private JsonObject presentationRequest(ExchangeStore.Row row) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "verifiablePresentationRequest",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "query",
                                        Jsons.PROVIDER
                                                .createArrayBuilder()
                                                .add(Jsons.PROVIDER
                                                        .createObjectBuilder()
                                                        .add("type", "DIDAuthentication")
                                                        .add(
                                                                "acceptedMethods",
                                                                Jsons.PROVIDER
                                                                        .createArrayBuilder()
                                                                        .add(Jsons.PROVIDER
                                                                                .createObjectBuilder()
                                                                                .add("method", "key")))))
                                .add("challenge", row.challenge())
                                .add("domain", urls.base()))
                .build();
    }

    /**
     * The holder's DID, once the presentation's proof verifies with the challenge and domain asked for, proof purpose
     * authentication, by a key the holder (a did:key) controls.
     */
    private Did authenticate(JsonObject presentation, ExchangeStore.Row row) {
        Optional<String> holder = presentation.get("holder") instanceof JsonString s
                ? Optional.of(s.getString())
                : presentation.get("holder") instanceof JsonObject o && o.get("id") instanceof JsonString id
                        ? Optional.of(id.getString())
                        : Optional.empty();
        if (holder.isEmpty() || !holder.get().startsWith("did:key:")) {
            throw refused("The presentation must name its holder, a did:key.");
        }
        // a proof that is not accepted is the library's INVALID_PROOF (or DID error): a 400 by the problem mapping
        VerifiedProof proof = EddsaRdfc2022.verify(
                presentation,
                DidKey.RESOLVER,
                new ProofExpectations(
                        "authentication", holder, Optional.of(row.challenge()), Optional.of(urls.base()), false));
        return Did.of(proof.controller());
    }

    private static PlatformException refused(String reason) {
        return new PlatformException(Problem.INVALID_INPUT, reason);
    }

    private static JsonObject parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return StrictJson.parseObject(body);
    }

    private static ResponseEntity<String> json(JsonObject body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(StrictJson.write(body));
    }
}
