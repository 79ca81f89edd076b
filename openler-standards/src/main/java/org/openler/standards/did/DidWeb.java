package org.openler.standards.did;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;
import org.openler.standards.crypto.Ed25519PublicKey;

/** did:web identifiers and documents: {@code did:web:<host>:orgs:<org>} resolves to {@code /orgs/<org>/did.json}. */
public final class DidWeb {

    private DidWeb() {}

    /** The DID of an organization on a host (a port is allowed: {@code localhost:8080}). */
    public static Did forOrganization(String host, Slug organization) {
        return Did.of("did:web:" + URLEncoder.encode(host, StandardCharsets.UTF_8) + ":orgs:" + organization.value());
    }

    /** As {@link #forOrganization(String, Slug)}; a string that is not a {@link Slug} is refused with its rule. */
    public static Did forOrganization(String host, String organization) {
        return forOrganization(host, new Slug(organization));
    }

    /**
     * The HTTPS URL of a did:web document (DID Web method §3.2): colons become slashes, a bare domain gets
     * {@code /.well-known}, and {@code did.json} is appended.
     */
    public static URI documentUrl(Did did) {
        if (!did.method().equals("web")) {
            throw new StandardsException(Code.INVALID_DID, "Not a did:web: " + did);
        }
        String[] parts = did.methodSpecificId().split(":");
        String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        StringBuilder path = new StringBuilder();
        if (parts.length == 1) {
            path.append("/.well-known");
        }
        for (int i = 1; i < parts.length; i++) {
            String segment = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/")) {
                throw new StandardsException(Code.INVALID_DID, "Invalid path segment in did:web: " + did);
            }
            path.append('/').append(segment);
        }
        path.append("/did.json");
        try {
            return URI.create("https://" + host + path);
        } catch (IllegalArgumentException e) {
            throw new StandardsException(Code.INVALID_DID, "did:web does not name a valid host: " + did, e);
        }
    }

    /** The host (with port, if any) a did:web lives on. */
    public static String host(Did did) {
        return documentUrl(did).getAuthority();
    }

    /**
     * A DID document for an organization's keys, each a Multikey {@code #key-N} authorised for assertions and
     * authentication. List all keys that may still verify old credentials: rotation adds a key, it never removes one
     * that signed something that should keep verifying.
     */
    public static DidDocument document(Did did, List<Ed25519PublicKey> keys) {
        if (keys.isEmpty()) {
            throw new StandardsException(Code.INVALID_ARGUMENT, "A DID document needs at least one key");
        }
        List<VerificationMethod> methods = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            methods.add(new VerificationMethod(did.value() + "#key-" + (i + 1), did, keys.get(i)));
        }
        List<String> ids = methods.stream().map(VerificationMethod::id).toList();
        return new DidDocument(did, methods, ids, ids);
    }
}
