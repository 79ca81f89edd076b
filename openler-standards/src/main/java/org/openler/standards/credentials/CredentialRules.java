package org.openler.standards.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openler.standards.jsonld.BundledContexts;

/**
 * Structural rules of VC DM 2.0, Open Badges 3.0 and CLR 2.0, written in code (the 1EdTech JSON schemas would need a
 * JSON-schema library whose Jackson line does not converge with Spring Boot's). A valid signature on a credential that
 * breaks these rules is still rejected.
 */
public final class CredentialRules {

    private static final String OB_CONTEXT_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/";
    private static final String CLR_CONTEXT_PREFIX = "https://purl.imsglobal.org/spec/clr/v2p0/";
    // xsd:dateTimeStamp: a date-time with a time zone.
    private static final Pattern DATE_TIME =
            Pattern.compile("-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private CredentialRules() {}

    /**
     * All violations of a credential (errors and warnings), in document order, under the Open Badges 3.0 / CLR 2.0
     * profile: the data model's rules, a type the profile knows, and the profile's own rules.
     */
    public static List<Violation> check(JsonObject credential) {
        List<Violation> out = new ArrayList<>();
        List<String> contexts = strings(credential.get("@context"));
        List<String> types = strings(credential.get("type"));
        dataModel(credential, true, out);
        Credentials.findForbidden(credential)
                .ifPresent(term -> out.add(Violation.warning(
                        "/", "Uses '" + term + "', which only one revision of the OB 3.0.3 context defines")));

        boolean ob = types.contains("OpenBadgeCredential") || types.contains("AchievementCredential");
        boolean endorsement = types.contains("EndorsementCredential");
        boolean clr = types.contains("ClrCredential");
        boolean statusList = types.contains("BitstringStatusListCredential");
        if (!ob && !endorsement && !clr && !statusList) {
            out.add(Violation.error(
                    "/type",
                    "type must include OpenBadgeCredential, AchievementCredential, EndorsementCredential,"
                            + " ClrCredential or BitstringStatusListCredential"));
        }
        if (ob || endorsement) {
            openBadge(credential, contexts, ob, out);
        }
        if (clr) {
            clr(credential, contexts, out);
        }
        return List.copyOf(out);
    }

    /**
     * The violations of VC Data Model 2.0 (or 1.1, with a warning) alone, for a credential of any type: no profile,
     * {@code validFrom} optional, as the data model makes it.
     */
    public static List<Violation> dataModel(JsonObject credential) {
        List<Violation> out = new ArrayList<>();
        dataModel(credential, false, out);
        return List.copyOf(out);
    }

    /**
     * True when the credential's type names a profile whose rules apply on top of the data model's: Open Badges 3.0
     * ({@code OpenBadgeCredential}, {@code AchievementCredential}, {@code EndorsementCredential}), CLR 2.0
     * ({@code ClrCredential}), or a Bitstring Status List credential.
     */
    public static boolean namesProfile(JsonObject credential) {
        List<String> types = strings(credential.get("type"));
        return types.contains("OpenBadgeCredential")
                || types.contains("AchievementCredential")
                || types.contains("EndorsementCredential")
                || types.contains("ClrCredential")
                || types.contains("BitstringStatusListCredential");
    }

    private static void dataModel(JsonObject credential, boolean requireValidFrom, List<Violation> out) {
        List<String> contexts = strings(credential.get("@context"));
        List<String> types = strings(credential.get("type"));
        boolean v2 = !contexts.isEmpty() && contexts.get(0).equals(BundledContexts.VC_V2);
        boolean v1 = !contexts.isEmpty() && contexts.get(0).equals(BundledContexts.VC_V1);
        if (!v2 && !v1) {
            out.add(Violation.error("/@context", "The first @context must be " + BundledContexts.VC_V2));
        } else if (v1) {
            out.add(Violation.warning("/@context", "VC Data Model 1.1 credential: outdated, VC 2.0 is current"));
        }
        contextItems(credential.get("@context"), out);
        if (!types.contains("VerifiableCredential")) {
            out.add(Violation.error("/type", "type must include VerifiableCredential"));
        }
        if (credential.get("type") instanceof JsonArray array && array.size() != types.size()) {
            out.add(Violation.error("/type", "Every type must be a string"));
        }
        optionalUrl(credential, "id", "/id", out);
        issuer(credential.get("issuer"), out);
        // VC DM 2.0 §4.6: a name or description is a string or a language value object (or one per language)
        languageText(credential, "name", "/name", out);
        languageText(credential, "description", "/description", out);
        if (credential.get("issuer") instanceof JsonObject issuer) {
            languageText(issuer, "name", "/issuer/name", out);
            languageText(issuer, "description", "/issuer/description", out);
        }
        dates(credential, v1, requireValidFrom, out);
        subjects(credential.get("credentialSubject"), out);
        status(credential.get("credentialStatus"), out);
        eachObject(credential.get("credentialSchema"), "/credentialSchema", out, (o, p) -> {
            if (!(o.get("id") instanceof JsonString id) || !isUrl(id.getString())) {
                out.add(Violation.error(p + "/id", "A credentialSchema needs an id that is a URL"));
            }
            if (!(o.get("type") instanceof JsonString)) {
                out.add(Violation.error(p + "/type", "A credentialSchema needs a type"));
            }
        });
        // VC DM 2.0 §4.5: these objects MUST have a type (§5.5 refreshService, §5.6 termsOfUse, §5.7 evidence).
        for (String typed : List.of("termsOfUse", "evidence", "refreshService")) {
            eachObject(credential.get(typed), "/" + typed, out, (o, p) -> {
                if (!hasType(o)) {
                    out.add(Violation.error(p + "/type", "Each " + typed + " value must specify its type"));
                }
            });
        }
        relatedResources(credential.get("relatedResource"), out);
    }

    /**
     * VC DM 2.0 §5.3: relatedResource is one or more objects, each with an {@code id} URL unique among them and at
     * least a {@code digestSRI} or a {@code digestMultibase}.
     */
    private static void relatedResources(JsonValue value, List<Violation> out) {
        Set<String> ids = new HashSet<>();
        eachObject(value, "/relatedResource", out, (o, p) -> {
            if (!(o.get("id") instanceof JsonString id) || !isUrl(id.getString())) {
                out.add(Violation.error(p + "/id", "Each relatedResource needs an id that is a URL"));
            } else if (!ids.add(id.getString())) {
                out.add(Violation.error(p + "/id", "Each relatedResource id must be unique among them"));
            }
            if (!(o.get("digestSRI") instanceof JsonString) && !(o.get("digestMultibase") instanceof JsonString)) {
                out.add(Violation.error(p, "Each relatedResource needs a digestSRI or a digestMultibase"));
            } else {
                // §5.3's digest check is on "the retrieved resource"; OpenLER never fetches, so it says it did not.
                out.add(Violation.warning(p, "Not retrieved (nothing is fetched), so its digest was not checked"));
            }
        });
    }

    /** A type: a non-empty string, or a non-empty array of them. */
    private static boolean hasType(JsonObject object) {
        JsonValue type = object.get("type");
        if (type instanceof JsonString s) {
            return !s.getString().isBlank();
        }
        return type instanceof JsonArray array
                && !array.isEmpty()
                && strings(array).size() == array.size()
                && strings(array).stream().noneMatch(String::isBlank);
    }

    /** VC DM 2.0 §4.3: after the first, each @context item is a URL or an object. */
    private static void contextItems(JsonValue context, List<Violation> out) {
        List<JsonValue> items =
                context instanceof JsonArray array ? array : context == null ? List.of() : List.of(context);
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            boolean ok = item instanceof JsonObject || (item instanceof JsonString s && isUrl(s.getString()));
            if (!ok) {
                out.add(Violation.error("/@context/" + i, "Each @context item must be a URL or an object"));
            }
        }
    }

    private static void openBadge(
            JsonObject credential, List<String> contexts, boolean achievement, List<Violation> out) {
        contextAt(contexts, 1, OB_CONTEXT_PREFIX, BundledContexts.OB_V3P0_3_0_3, out);
        requireString(credential, "name", "/name", out);
        requireString(credential, "id", "/id", out);
        if (credential.get("issuer") instanceof JsonObject issuer) {
            profile(issuer, "/issuer", out);
        } else {
            out.add(Violation.error("/issuer", "An Open Badges issuer is a Profile object with an id"));
        }
        JsonValue subjectValue = credential.get("credentialSubject");
        if (!(subjectValue instanceof JsonObject subject)) {
            return; // reported by subjects()
        }
        if (achievement) {
            requireType(subject, "AchievementSubject", "/credentialSubject", out);
            if (!subject.containsKey("id") && !subject.containsKey("identifier")) {
                out.add(Violation.error("/credentialSubject", "An AchievementSubject needs an id or an identifier"));
            }
            eachObject(subject.get("identifier"), "/credentialSubject/identifier", out, (o, p) -> identity(o, p, out));
            eachObject(
                    subject.get("result"),
                    "/credentialSubject/result",
                    out,
                    (o, p) -> requireType(o, "Result", p, out));
            if (subject.get("source") instanceof JsonObject source) {
                profile(source, "/credentialSubject/source", out);
            }
            if (subject.get("achievement") instanceof JsonObject a) {
                achievementObject(a, "/credentialSubject/achievement", out);
            } else {
                out.add(Violation.error(
                        "/credentialSubject/achievement", "An AchievementSubject needs an achievement"));
            }
        } else {
            requireType(subject, "EndorsementSubject", "/credentialSubject", out);
            requireString(subject, "id", "/credentialSubject/id", out);
        }
        eachObject(credential.get("evidence"), "/evidence", out, (o, p) -> requireType(o, "Evidence", p, out));
    }

    private static void clr(JsonObject credential, List<String> contexts, List<Violation> out) {
        contextAt(contexts, 1, CLR_CONTEXT_PREFIX, BundledContexts.CLR_V2P0_2_0_1, out);
        // CLR 2.0 names the OB 3.0 context too; without it the bundled achievements lose their vocabulary.
        contextAt(contexts, 2, OB_CONTEXT_PREFIX, BundledContexts.OB_V3P0_3_0_3, out);
        requireString(credential, "name", "/name", out);
        if (credential.get("issuer") instanceof JsonObject issuer) {
            profile(issuer, "/issuer", out);
        } else {
            out.add(Violation.error("/issuer", "A CLR issuer is a Profile object with an id"));
        }
        if (credential.get("credentialSubject") instanceof JsonObject subject) {
            requireType(subject, "ClrSubject", "/credentialSubject", out);
            JsonValue vcs = subject.get("verifiableCredential");
            if (!(vcs instanceof JsonArray array) || array.isEmpty()) {
                out.add(Violation.error(
                        "/credentialSubject/verifiableCredential", "A ClrSubject bundles at least one credential"));
            }
            eachObject(subject.get("identifier"), "/credentialSubject/identifier", out, (o, p) -> identity(o, p, out));
        }
    }

    private static void achievementObject(JsonObject a, String path, List<Violation> out) {
        requireType(a, "Achievement", path, out);
        requireString(a, "id", path + "/id", out);
        requireString(a, "name", path + "/name", out);
        requireString(a, "description", path + "/description", out);
        if (!(a.get("criteria") instanceof JsonObject criteria)
                || (!criteria.containsKey("id") && !criteria.containsKey("narrative"))) {
            out.add(Violation.error(path + "/criteria", "An Achievement needs criteria with an id or a narrative"));
        }
        eachObject(
                a.get("resultDescription"),
                path + "/resultDescription",
                out,
                (o, p) -> requireType(o, "ResultDescription", p, out));
        eachObject(a.get("alignment"), path + "/alignment", out, (o, p) -> requireType(o, "Alignment", p, out));
        if (a.get("creator") instanceof JsonObject creator) {
            profile(creator, path + "/creator", out);
        }
    }

    private static void profile(JsonObject profile, String path, List<Violation> out) {
        requireType(profile, "Profile", path, out);
        if (!(profile.get("id") instanceof JsonString id) || !isUrl(id.getString())) {
            out.add(Violation.error(path + "/id", "A Profile needs an id that is a URL"));
        }
        if (profile.get("parentOrg") instanceof JsonObject parent) {
            profile(parent, path + "/parentOrg", out);
        }
        eachObject(
                profile.get("otherIdentifier"),
                path + "/otherIdentifier",
                out,
                (o, p) -> requireType(o, "IdentifierEntry", p, out));
    }

    private static void identity(JsonObject identity, String path, List<Violation> out) {
        requireType(identity, "IdentityObject", path, out);
        if (!(identity.get("hashed") instanceof JsonValue hashed)
                || (hashed != JsonValue.TRUE && hashed != JsonValue.FALSE)) {
            out.add(Violation.error(path + "/hashed", "hashed must be true or false"));
        } else if (hashed == JsonValue.TRUE) {
            String hash = identity.get("identityHash") instanceof JsonString s ? s.getString() : "";
            if (!hash.matches("(sha256\\$[0-9a-fA-F]{64})|(md5\\$[0-9a-fA-F]{32})")) {
                out.add(Violation.error(path + "/identityHash", "A hashed identity is sha256$ and 64 hex digits"));
            }
        }
        requireString(identity, "identityHash", path + "/identityHash", out);
        requireString(identity, "identityType", path + "/identityType", out);
    }

    private static void issuer(JsonValue issuer, List<Violation> out) {
        if (issuer instanceof JsonString s) {
            if (!isUrl(s.getString())) {
                out.add(Violation.error("/issuer", "issuer must be a URL"));
            }
        } else if (issuer instanceof JsonObject o) {
            if (!(o.get("id") instanceof JsonString id) || !isUrl(id.getString())) {
                out.add(Violation.error("/issuer/id", "issuer must have an id that is a URL"));
            }
        } else {
            out.add(Violation.error("/issuer", "A credential must have an issuer"));
        }
    }

    private static void dates(JsonObject credential, boolean v1, boolean requireValidFrom, List<Violation> out) {
        Optional<OffsetDateTime> from = date(credential, v1 ? "issuanceDate" : "validFrom", out);
        Optional<OffsetDateTime> until = date(credential, v1 ? "expirationDate" : "validUntil", out);
        if (v1 && !credential.containsKey("issuanceDate")) {
            out.add(Violation.error("/issuanceDate", "A VC Data Model 1.1 credential needs an issuanceDate"));
        }
        if (requireValidFrom && !v1 && !credential.containsKey("validFrom")) {
            out.add(Violation.error("/validFrom", "validFrom is required"));
        }
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            out.add(new Violation(true, "/validUntil", "validUntil is before validFrom", true));
        }
    }

    private static Optional<OffsetDateTime> date(JsonObject credential, String name, List<Violation> out) {
        JsonValue value = credential.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString s && DATE_TIME.matcher(s.getString()).matches()) {
            try {
                return Optional.of(OffsetDateTime.parse(s.getString()));
            } catch (DateTimeParseException e) {
                // fall through to the violation
            }
        }
        out.add(Violation.error("/" + name, name + " must be a date-time with a time zone (xsd:dateTimeStamp)"));
        return Optional.empty();
    }

    private static void subjects(JsonValue subject, List<Violation> out) {
        List<JsonValue> subjects =
                subject instanceof JsonArray array ? array : subject == null ? List.of() : List.of(subject);
        if (subjects.isEmpty()) {
            out.add(Violation.error("/credentialSubject", "A credential needs a credentialSubject"));
        }
        for (JsonValue s : subjects) {
            if (!(s instanceof JsonObject o) || o.isEmpty()) {
                out.add(Violation.error("/credentialSubject", "credentialSubject must be a non-empty object"));
            } else {
                optionalUrl(o, "id", "/credentialSubject/id", out);
            }
        }
    }

    private static void status(JsonValue status, List<Violation> out) {
        if (status == null) {
            return;
        }
        List<JsonValue> entries = status instanceof JsonArray array ? array : List.of(status);
        for (JsonValue entry : entries) {
            if (!(entry instanceof JsonObject o) || !hasType(o)) {
                out.add(Violation.error("/credentialStatus", "credentialStatus must be an object with a type"));
            } else {
                optionalUrl(o, "id", "/credentialStatus/id", out);
            }
        }
    }

    private static void contextAt(
            List<String> contexts, int index, String prefix, String current, List<Violation> out) {
        if (contexts.stream().noneMatch(c -> c.startsWith(prefix))) {
            out.add(Violation.error("/@context", "@context must include " + current));
        } else if (contexts.size() <= index || !contexts.get(index).equals(current)) {
            out.add(Violation.warning(
                    "/@context",
                    "@context should have " + current + " at position " + (index + 1) + " (an alias or"
                            + " older version is used)"));
        }
    }

    private static void requireType(JsonObject object, String type, String path, List<Violation> out) {
        if (!strings(object.get("type")).contains(type)) {
            out.add(Violation.error(path + "/type", "type must include " + type));
        }
    }

    private static void requireString(JsonObject object, String name, String path, List<Violation> out) {
        if (!(object.get(name) instanceof JsonString s) || s.getString().isBlank()) {
            out.add(Violation.error(path, name + " is required"));
        }
    }

    /**
     * VC DM 2.0 §4.6 and §11.1: a string, a language value object ({@code @value} a string, with an optional
     * {@code @language} and {@code @direction} string and nothing else), or an array of such objects.
     */
    private static void languageText(JsonObject object, String name, String path, List<Violation> out) {
        JsonValue value = object.get(name);
        if (value == null || value instanceof JsonString) {
            return;
        }
        List<JsonValue> items = value instanceof JsonArray array && !array.isEmpty() ? array : List.of(value);
        for (JsonValue item : items) {
            if (!(item instanceof JsonObject o)
                    || !(o.get("@value") instanceof JsonString)
                    || !Set.of("@value", "@language", "@direction").containsAll(o.keySet())
                    || (o.containsKey("@language") && !(o.get("@language") instanceof JsonString))
                    || (o.containsKey("@direction") && !(o.get("@direction") instanceof JsonString))) {
                out.add(Violation.error(path, name + " must be a string or a language value object"));
                return;
            }
        }
    }

    /**
     * VC DM 2.0 §4.13: a presentation's own rules, beside its type: its {@code id}, if present, is one URL; its
     * {@code holder}, if present, is a URL or an object whose {@code id} is a URL.
     */
    public static List<Violation> presentation(JsonObject presentation) {
        List<Violation> out = new ArrayList<>();
        optionalUrl(presentation, "id", "/id", out);
        JsonValue holder = presentation.get("holder");
        if (holder != null) {
            boolean url = holder instanceof JsonString s
                    ? isUrl(s.getString())
                    : holder instanceof JsonObject o && o.get("id") instanceof JsonString id && isUrl(id.getString());
            if (!url) {
                out.add(Violation.error("/holder", "The holder must be a URL or an object whose id is a URL"));
            }
        }
        return List.copyOf(out);
    }

    private static void optionalUrl(JsonObject object, String name, String path, List<Violation> out) {
        JsonValue value = object.get(name);
        if (value != null && (!(value instanceof JsonString s) || !isUrl(s.getString()))) {
            out.add(Violation.error(path, name + " must be a URL"));
        }
    }

    private interface ObjectCheck {
        void check(JsonObject object, String path);
    }

    private static void eachObject(JsonValue value, String path, List<Violation> out, ObjectCheck check) {
        if (value == null) {
            return;
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof JsonObject object) {
                check.check(object, path + "/" + i);
            } else {
                out.add(Violation.error(path + "/" + i, "must be an object"));
            }
        }
    }

    static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            List<String> result = new ArrayList<>();
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    result.add(s.getString());
                }
            }
            return result;
        }
        return List.of();
    }

    static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && uri.getScheme().matches("[a-zA-Z][a-zA-Z0-9+.-]*")
                    && !value.contains(" ");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
