package org.openler.platform.issuers;

import java.time.Duration;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.openler.standards.json.StrictJson;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The organization's DID document ({@code did:web}), public: every key it has had, so old credentials verify. */
@RestController
class IssuersApi {

    private final Issuers issuers;
    private final IssuerKeys keys;

    IssuersApi(Issuers issuers, IssuerKeys keys) {
        this.issuers = issuers;
        this.keys = keys;
    }

    @GetMapping("/orgs/{org}/did.json")
    @Access(Audience.PUBLIC)
    ResponseEntity<String> didDocument(@PathVariable String org) {
        Issuer issuer = issuers.get(org);
        keys.signingKey(issuer); // a provider has a DID from the moment anyone asks
        String document =
                StrictJson.write(keys.didDocument(issuer).orElseThrow().toJson());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(document);
    }
}
