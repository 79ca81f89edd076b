package org.openler.platform.exchange;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.standards.json.Jsons;
import org.openler.standards.jsonld.BundledContexts;

/**
 * What the OpenID4VCI credential issuer offers: an Open Badges 3.0 credential as {@code ldp_vc} (eddsa-rdfc-2022) and
 * as {@code jwt_vc_json} (ES256), both bound to an Ed25519 did:key shown by a {@code jwt} proof.
 */
final class CredentialConfigurations {

    static final String LDP_VC = "OpenBadgeCredential_ldp_vc";
    static final String JWT_VC_JSON = "OpenBadgeCredential_jwt_vc_json";

    private CredentialConfigurations() {}

    static Optional<CredentialFormat> format(String configurationId) {
        return switch (configurationId) {
            case LDP_VC -> Optional.of(CredentialFormat.LDP);
            case JWT_VC_JSON -> Optional.of(CredentialFormat.JWT);
            default -> Optional.empty();
        };
    }

    /** The credential issuer metadata (OpenID4VCI 1.0 §12.2); the issuer is its own authorization server. */
    static JsonObject issuerMetadata(PlatformUrls urls) {
        String issuer = Offers.credentialIssuer(urls);
        // Built values, not builders: a JSON-P builder empties itself when it is built, so a builder added to both
        // configurations left the second one with empty members.
        JsonArray types = Jsons.PROVIDER
                .createArrayBuilder()
                .add("VerifiableCredential")
                .add("OpenBadgeCredential")
                .build();
        JsonObject proofTypes = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "jwt",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "proof_signing_alg_values_supported",
                                        Jsons.PROVIDER.createArrayBuilder().add("EdDSA")))
                .build();
        JsonObject display = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "display",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("name", "Open Badge")
                                        .add("locale", "en")))
                .build();
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("credential_issuer", issuer)
                .add("credential_endpoint", issuer + "/credential")
                .add("nonce_endpoint", issuer + "/nonce")
                .add(
                        "display",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("name", "OpenLER")
                                        .add("locale", "en")))
                .add(
                        "credential_configurations_supported",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        LDP_VC,
                                        configuration(
                                                "ldp_vc",
                                                "eddsa-rdfc-2022",
                                                Jsons.PROVIDER
                                                        .createObjectBuilder()
                                                        .add(
                                                                "@context",
                                                                Jsons.PROVIDER
                                                                        .createArrayBuilder()
                                                                        .add(BundledContexts.VC_V2)
                                                                        .add(BundledContexts.OB_V3P0_3_0_3))
                                                        .add("type", types),
                                                proofTypes,
                                                display))
                                .add(
                                        JWT_VC_JSON,
                                        configuration(
                                                "jwt_vc_json",
                                                "ES256",
                                                Jsons.PROVIDER
                                                        .createObjectBuilder()
                                                        .add("type", types),
                                                proofTypes,
                                                display)))
                .build();
    }

    /** One credential configuration: its format, how it is bound and signed, and what it holds. */
    private static JsonObjectBuilder configuration(
            String format,
            String signingAlgorithm,
            JsonObjectBuilder definition,
            JsonObject proofTypes,
            JsonObject display) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("format", format)
                .add(
                        "cryptographic_binding_methods_supported",
                        Jsons.PROVIDER.createArrayBuilder().add("did:key"))
                .add(
                        "credential_signing_alg_values_supported",
                        Jsons.PROVIDER.createArrayBuilder().add(signingAlgorithm))
                .add("proof_types_supported", proofTypes)
                .add("credential_definition", definition)
                .add("credential_metadata", display);
    }

    /** RFC 8414 authorization server metadata for the pre-authorized code grant only. */
    static JsonObject authorizationServerMetadata(PlatformUrls urls) {
        String issuer = Offers.credentialIssuer(urls);
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("issuer", issuer)
                .add("token_endpoint", issuer + "/token")
                .add(
                        "grant_types_supported",
                        Jsons.PROVIDER.createArrayBuilder().add(Offers.PRE_AUTHORIZED_GRANT))
                .add("pre-authorized_grant_anonymous_access_supported", true)
                .add("response_types_supported", Jsons.PROVIDER.createArrayBuilder())
                .build();
    }
}
