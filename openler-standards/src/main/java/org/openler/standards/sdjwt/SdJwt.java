package org.openler.standards.sdjwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

/**
 * An SD-JWT as it travels (RFC 9901 §4): {@code <issuer-signed JWT>~<disclosure>~…~[<KB-JWT>]}. Without a Key
 * Binding JWT the text ends with {@code ~}. Parsing only splits and decodes; {@link SdJwtVerifier} judges.
 */
public record SdJwt(String issuerJwt, List<Disclosure> disclosures, Optional<String> keyBinding) {

    /** More disclosures than any credential here has; a guard against a body that makes us hash forever. */
    static final int MAX_DISCLOSURES = 200;

    public SdJwt {
        disclosures = List.copyOf(disclosures);
    }

    /**
     * @throws StandardsException MALFORMED_JSON when the text is not an SD-JWT
     */
    public static SdJwt parse(String text) {
        String compact = text.strip();
        if (!compact.contains("~")) {
            throw new StandardsException(
                    Code.MALFORMED_JSON, "An SD-JWT is the issuer's JWT and its disclosures separated by '~'");
        }
        String[] parts = compact.split("~", -1);
        if (parts.length - 2 > MAX_DISCLOSURES) {
            throw new StandardsException(
                    Code.TOO_LARGE, "The SD-JWT has more than " + MAX_DISCLOSURES + " disclosures");
        }
        if (parts[0].split("\\.", -1).length != 3) {
            throw new StandardsException(Code.MALFORMED_JSON, "The SD-JWT does not start with a compact JWS");
        }
        List<Disclosure> disclosures = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            disclosures.add(Disclosure.parse(parts[i]));
        }
        String last = parts[parts.length - 1];
        if (!last.isEmpty() && last.split("\\.", -1).length != 3) {
            throw new StandardsException(
                    Code.MALFORMED_JSON, "The part after the last '~' is neither empty nor a Key Binding JWT");
        }
        return new SdJwt(parts[0], disclosures, last.isEmpty() ? Optional.empty() : Optional.of(last));
    }

    /** The SD-JWT without a Key Binding JWT, ending with {@code ~}: also the input of a KB-JWT's {@code sd_hash}. */
    public String withoutKeyBinding() {
        StringBuilder out = new StringBuilder(issuerJwt).append('~');
        for (Disclosure disclosure : disclosures) {
            out.append(disclosure.encoded()).append('~');
        }
        return out.toString();
    }

    public String serialize() {
        return withoutKeyBinding() + keyBinding.orElse("");
    }

    /** The same issuer JWT with only some of its disclosures (and no Key Binding JWT). */
    public SdJwt keeping(List<Disclosure> kept) {
        return new SdJwt(issuerJwt, kept, Optional.empty());
    }
}
