package org.openler.platform.presentations;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openler.platform.problems.PlatformException;
import org.openler.standards.StandardsException;
import org.openler.standards.json.JsonLimits;
import org.openler.standards.json.StrictJson;

/**
 * An OpenID4VP 1.0 authorization request by value, as OpenLER sends and reads it: {@code response_type=vp_token},
 * {@code response_mode=direct_post} to {@code response_uri}, the client identified with the {@code redirect_uri:}
 * prefix (so the request is unsigned and {@code client_id} is {@code redirect_uri:} + the response URI, §5.9.3), a
 * {@code nonce} and {@code state}, and a DCQL query. Every part is validated where it is read.
 */
record AuthorizationRequest(
        String clientId, String responseUri, String nonce, String state, List<CredentialQuery> queries, String dcql) {

    static final String CLIENT_ID_PREFIX = "redirect_uri:";
    static final String SD_JWT_FORMAT = "dc+sd-jwt";
    static final String LDP_FORMAT = "ldp_vc";
    private static final int MAX_QUERIES = 5;
    private static final int MAX_PARAMETER = 8 * 1024;

    /** One DCQL credential query: its id, format, accepted vct values (SD-JWT) and the top-level claims asked for. */
    record CredentialQuery(String id, String format, List<String> vctValues, List<String> claims) {}

    AuthorizationRequest {
        queries = List.copyOf(queries);
    }

    /** The parameters of the request, in the order a link shows them. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("response_type", "vp_token");
        parameters.put("response_mode", "direct_post");
        parameters.put("response_uri", responseUri);
        parameters.put("nonce", nonce);
        parameters.put("state", state);
        parameters.put("dcql_query", dcql);
        return parameters;
    }

    /** The request as a link any OpenID4VP wallet opens: {@code openid4vp://?…}. */
    String link() {
        return "openid4vp://?" + query();
    }

    String query() {
        StringBuilder query = new StringBuilder();
        parameters()
                .forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** Reads a pasted {@code openid4vp://} link (or any URL with the request in its query). */
    static AuthorizationRequest fromLink(String link) {
        String trimmed = link.strip();
        int question = trimmed.indexOf('?');
        if (question < 0 || trimmed.length() > 4 * MAX_PARAMETER) {
            throw PlatformException.invalid("request", "Paste the whole request link (openid4vp://?…).");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : trimmed.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    parameters.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw PlatformException.invalid("request", "The request link is not properly encoded.");
                }
            }
        }
        return of(parameters);
    }

    /** Reads and validates the request's parameters. */
    static AuthorizationRequest of(Map<String, String> parameters) {
        String responseType = required(parameters, "response_type");
        if (!responseType.equals("vp_token")) {
            throw PlatformException.invalid("response_type", "Only response_type=vp_token is supported.");
        }
        if (!required(parameters, "response_mode").equals("direct_post")) {
            throw PlatformException.invalid("response_mode", "Only response_mode=direct_post is supported.");
        }
        if (parameters.containsKey("request_uri") || parameters.containsKey("request")) {
            throw PlatformException.invalid("request_uri", "Requests by reference or signed are not supported here.");
        }
        String responseUri = required(parameters, "response_uri");
        URI uri;
        try {
            uri = URI.create(responseUri);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("response_uri", "Not a URL.");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw PlatformException.invalid("response_uri", "Must be an http(s) URL.");
        }
        String clientId = required(parameters, "client_id");
        if (!clientId.equals(CLIENT_ID_PREFIX + responseUri)) {
            throw PlatformException.invalid(
                    "client_id", "With the redirect_uri: prefix the client_id must be redirect_uri:<response_uri>.");
        }
        String nonce = token(parameters, "nonce");
        String state = token(parameters, "state");
        String dcql = required(parameters, "dcql_query");
        return new AuthorizationRequest(clientId, responseUri, nonce, state, queries(dcql), dcql);
    }

    static List<CredentialQuery> queries(String dcql) {
        JsonObject query;
        try {
            query = StrictJson.parseObject(dcql.getBytes(StandardCharsets.UTF_8), new JsonLimits(MAX_PARAMETER, 10));
        } catch (StandardsException e) {
            throw PlatformException.invalid("dcql_query", "Not a JSON object: " + e.getMessage());
        }
        if (!(query.get("credentials") instanceof JsonArray credentials)
                || credentials.isEmpty()
                || credentials.size() > MAX_QUERIES) {
            throw PlatformException.invalid(
                    "dcql_query", "credentials must list 1 to " + MAX_QUERIES + " credential queries.");
        }
        List<CredentialQuery> queries = new ArrayList<>();
        for (JsonValue value : credentials) {
            if (!(value instanceof JsonObject credential)
                    || !(credential.get("id") instanceof JsonString id)
                    || !id.getString().matches("[A-Za-z0-9_-]{1,64}")
                    || !(credential.get("format") instanceof JsonString format)) {
                throw PlatformException.invalid("dcql_query", "Each credential query has an id and a format.");
            }
            if (!format.getString().equals(SD_JWT_FORMAT) && !format.getString().equals(LDP_FORMAT)) {
                throw PlatformException.invalid(
                        "dcql_query", "Formats supported: " + SD_JWT_FORMAT + " and " + LDP_FORMAT + ".");
            }
            List<String> vct = new ArrayList<>();
            if (credential.get("meta") instanceof JsonObject meta && meta.get("vct_values") instanceof JsonArray vs) {
                for (JsonValue v : vs) {
                    if (v instanceof JsonString s) {
                        vct.add(s.getString());
                    }
                }
            }
            List<String> claims = new ArrayList<>();
            if (credential.get("claims") instanceof JsonArray asked) {
                for (JsonValue claim : asked) {
                    if (claim instanceof JsonObject c
                            && c.get("path") instanceof JsonArray path
                            && !path.isEmpty()
                            && path.get(0) instanceof JsonString name) {
                        claims.add(name.getString());
                    } else {
                        throw PlatformException.invalid("dcql_query", "Each claim query has a path.");
                    }
                }
            }
            queries.add(new CredentialQuery(id.getString(), format.getString(), vct, claims));
        }
        if (queries.stream().map(CredentialQuery::id).distinct().count() != queries.size()) {
            throw PlatformException.invalid("dcql_query", "Credential query ids must be unique.");
        }
        return queries;
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.getOrDefault(name, "").strip();
        if (value.isEmpty() || value.length() > MAX_PARAMETER) {
            throw PlatformException.invalid(name, "Missing or too long.");
        }
        return value;
    }

    private static String token(Map<String, String> parameters, String name) {
        String value = required(parameters, name);
        if (value.length() > 100) {
            throw PlatformException.invalid(name, "At most 100 characters.");
        }
        return value;
    }
}
