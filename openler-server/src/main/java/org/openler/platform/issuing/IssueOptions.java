package org.openler.platform.issuing;

import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.json.Jsons;
import org.springframework.http.MediaType;

/**
 * The issue API's format choice and how each format travels. VC-API has no standard issue option for the format, so
 * OpenLER takes {@code "format"} at the top of the request or in {@code options} ({@code "ldp"}, the default, or
 * {@code "jwt"}). A VC-JWT is answered as a JSON string in {@code {"verifiableCredential": "<compact JWS>"}}, as the
 * Open Badges 3.0 API carries JWT credentials (compact JWS strings), and served alone as {@code application/jwt}.
 */
final class IssueOptions {

    static final MediaType APPLICATION_JWT = MediaType.parseMediaType("application/jwt");
    /** The media type of an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc §3.1). */
    static final MediaType APPLICATION_SD_JWT = MediaType.parseMediaType("application/dc+sd-jwt");

    private IssueOptions() {}

    /** The VC-API {@code options} object, as far as OpenLER reads it. */
    record Request(@Nullable String format) {}

    static CredentialFormat format(@Nullable String format, @Nullable Request options) {
        @Nullable String optionsFormat = options == null ? null : options.format();
        if (format != null && optionsFormat != null && !format.equals(optionsFormat)) {
            throw PlatformException.invalid("format", "format and options.format disagree; give one of them.");
        }
        @Nullable String name = format != null ? format : optionsFormat;
        if (name == null) {
            return CredentialFormat.LDP;
        }
        return CredentialFormat.named(name)
                .orElseThrow(() -> PlatformException.invalid(
                        "format",
                        "Use \"ldp\" (Data Integrity, the default), \"jwt\" (VC-JWT) or \"sd-jwt\" (SD-JWT VC)."));
    }

    /** The stored credential as a JSON value: a JSON credential as it is, a compact JWS as a JSON string. */
    static String asJson(String document) {
        return switch (CredentialFormat.of(document)) {
            case LDP -> document;
            case JWT, SD_JWT -> Jsons.PROVIDER.createValue(document).toString();
        };
    }

    static MediaType mediaType(String document) {
        return switch (CredentialFormat.of(document)) {
            case LDP -> MediaType.APPLICATION_JSON;
            case JWT -> APPLICATION_JWT;
            case SD_JWT -> APPLICATION_SD_JWT;
        };
    }
}
