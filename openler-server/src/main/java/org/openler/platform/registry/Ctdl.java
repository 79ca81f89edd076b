package org.openler.platform.registry;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * CTDL JSON-LD for credentials of value: writes a {@link CredentialOfValue} as a CTDL credential resource, reads one
 * back (tolerantly: plain strings or language maps), and normalises older CTDL shapes before import. Plain Jackson,
 * no Spring, so the search benchmark can read the same documents the same way.
 */
public final class Ctdl {

    /**
     * The context the registry's credential schema requires (its {@code @context} enum has exactly this value, with
     * http). Documents are validated against that schema, so this is the one they carry.
     */
    public static final String CONTEXT = "http://credreg.net/ctdl/schema/context/json";

    static final String CONDITION_NAME = "How to earn it";

    /** Duplicate keys are refused: two readers of one document must not see two different credentials. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private Ctdl() {}

    /** The CTDL JSON-LD document of a credential of value, published at {@code id}. */
    public static ObjectNode toJsonLd(Ctid ctid, URI id, URI provider, CredentialOfValue c) {
        ObjectNode doc = NODES.objectNode();
        doc.put("@context", CONTEXT);
        doc.put("@id", id.toString());
        doc.put("@type", "ceterms:" + c.type());
        doc.put("ceterms:ctid", ctid.value());
        doc.put("ceterms:name", c.name());
        doc.put("ceterms:description", c.description());
        String webpage = c.webpage().orElse(id).toString();
        doc.put("ceterms:subjectWebpage", webpage);
        doc.set(
                "ceterms:credentialStatusType",
                concept("https://credreg.net/ctdl/terms/CredentialStatus", "credentialStat:Active", "Active"));
        doc.putArray("ceterms:inLanguage").add("en");
        doc.putArray("ceterms:ownedBy").add(provider.toString());
        doc.putArray("ceterms:offeredBy").add(provider.toString());
        if (!c.keywords().isEmpty()) {
            ArrayNode keywords = doc.putArray("ceterms:keyword");
            c.keywords().forEach(keywords::add);
        }
        ObjectNode condition = NODES.objectNode();
        condition.put("@type", "ceterms:ConditionProfile");
        condition.put("ceterms:name", CONDITION_NAME);
        condition.put(
                "ceterms:description", c.requirements().isBlank() ? "Requirements for " + c.name() : c.requirements());
        if (!c.teaches().isEmpty() || !c.requires().isEmpty()) {
            ArrayNode competencies = condition.putArray("ceterms:targetCompetency");
            c.teaches().forEach(a -> competencies.add(alignment(a, "teaches")));
            c.requires().forEach(a -> competencies.add(alignment(a, "requires")));
        }
        c.credit().ifPresent(credit -> {
            condition.set(
                    "ceterms:creditUnitType",
                    concept("https://credreg.net/ctdl/terms/CreditUnit", "creditUnit:" + credit.unit(), credit.unit()));
            condition.put("ceterms:creditUnitValue", credit.value());
        });
        doc.putArray("ceterms:requires").add(condition);
        c.cost().ifPresent(cost -> {
            ObjectNode profile = doc.putArray("ceterms:estimatedCost").addObject();
            profile.put("@type", "ceterms:CostProfile");
            profile.put("ceterms:description", "Estimated cost");
            profile.put("ceterms:costDetails", webpage);
            profile.put("ceterms:price", cost.price());
            profile.put("ceterms:currency", cost.currency());
        });
        c.duration().ifPresent(duration -> {
            ObjectNode profile = doc.putArray("ceterms:estimatedDuration").addObject();
            profile.put("@type", "ceterms:DurationProfile");
            profile.put("ceterms:exactDuration", duration.iso());
        });
        if (!c.delivery().isEmpty()) {
            ArrayNode delivery = doc.putArray("ceterms:learningDeliveryType");
            c.delivery().stream()
                    .sorted()
                    .forEach(mode -> delivery.add(
                            concept("https://credreg.net/ctdl/terms/Delivery", mode.concept(), mode.label())));
        }
        if (!c.places().isEmpty()) {
            ArrayNode places = doc.putArray("ceterms:availableAt");
            for (CredentialOfValue.Place place : c.places()) {
                ObjectNode node = places.addObject();
                node.put("@type", "ceterms:Place");
                putIfGiven(node, "ceterms:addressLocality", place.locality());
                putIfGiven(node, "ceterms:addressRegion", place.region());
                putIfGiven(node, "ceterms:addressCountry", place.country());
            }
        }
        if (!c.occupations().isEmpty()) {
            ArrayNode occupations = doc.putArray("ceterms:occupationType");
            c.occupations().forEach(a -> occupations.add(alignment(a, "")));
        }
        return doc;
    }

    /**
     * Reads a CTDL credential resource into the fields people edit and search. Unknown properties are ignored;
     * malformed parts (a price that is not a number, a competency without a URI) are skipped rather than guessed.
     */
    public static CredentialOfValue fromJsonLd(JsonNode doc) {
        String type = text(doc.path("@type")).replaceFirst("^ceterms:", "");
        List<CredentialOfValue.Alignment> teaches = new ArrayList<>();
        List<CredentialOfValue.Alignment> requires = new ArrayList<>();
        List<String> requirements = new ArrayList<>();
        Optional<CredentialOfValue.Credit> credit = Optional.empty();
        for (JsonNode condition : doc.path("ceterms:requires")) {
            String description = text(condition.path("ceterms:description"));
            if (!description.isBlank()) {
                requirements.add(description);
            }
            for (JsonNode target : condition.path("ceterms:targetCompetency")) {
                alignment(target)
                        .ifPresent(a -> ("requires".equals(text(target.path("ceterms:alignmentType")))
                                        ? requires
                                        : teaches)
                                .add(a));
            }
            if (credit.isEmpty() && condition.path("ceterms:creditUnitValue").isNumber()) {
                String unit = text(condition.path("ceterms:creditUnitType").path("ceterms:targetNode"))
                        .replaceFirst("^creditUnit:", "");
                BigDecimal value = condition.path("ceterms:creditUnitValue").decimalValue();
                if (unit.matches("[A-Za-z]{1,60}") && value.signum() >= 0) {
                    credit = Optional.of(new CredentialOfValue.Credit(value, unit));
                }
            }
        }
        Optional<CredentialOfValue.Cost> cost = Optional.empty();
        for (JsonNode profile : doc.path("ceterms:estimatedCost")) {
            JsonNode price = profile.path("ceterms:price");
            String currency = text(profile.path("ceterms:currency"));
            if (price.isNumber() && price.decimalValue().signum() >= 0) {
                cost = Optional.of(new CredentialOfValue.Cost(
                        price.decimalValue(), currency.matches("[A-Z]{3}") ? currency : "USD"));
                break;
            }
        }
        Optional<CredentialOfValue.EstimatedDuration> duration = Optional.empty();
        for (JsonNode profile : doc.path("ceterms:estimatedDuration")) {
            for (String field :
                    List.of("ceterms:exactDuration", "ceterms:maximumDuration", "ceterms:minimumDuration")) {
                duration = duration(text(profile.path(field)));
                if (duration.isPresent()) {
                    break;
                }
            }
            if (duration.isPresent()) {
                break;
            }
        }
        Set<CredentialOfValue.DeliveryMode> delivery = EnumSet.noneOf(CredentialOfValue.DeliveryMode.class);
        for (String field : List.of("ceterms:learningDeliveryType", "ceterms:deliveryType")) {
            for (JsonNode concept : doc.path(field)) {
                CredentialOfValue.DeliveryMode.ofConcept(text(concept.path("ceterms:targetNode")))
                        .ifPresent(delivery::add);
            }
        }
        List<CredentialOfValue.Place> places = new ArrayList<>();
        for (JsonNode place : doc.path("ceterms:availableAt")) {
            String locality = text(place.path("ceterms:addressLocality"));
            String region = text(place.path("ceterms:addressRegion"));
            String country = text(place.path("ceterms:addressCountry"));
            if (!(locality + region + country).isBlank()) {
                places.add(new CredentialOfValue.Place(locality, region, country));
            }
        }
        List<CredentialOfValue.Alignment> occupations = new ArrayList<>();
        for (JsonNode target : doc.path("ceterms:occupationType")) {
            alignment(target).ifPresent(occupations::add);
        }
        List<String> keywords = new ArrayList<>();
        for (JsonNode keyword : doc.path("ceterms:keyword")) {
            String value = text(keyword);
            if (!value.isBlank()) {
                keywords.add(value);
            }
        }
        String requirementText = String.join("\n\n", requirements);
        String name = text(doc.path("ceterms:name"));
        if (requirementText.equals("Requirements for " + name)) {
            requirementText = "";
        }
        return new CredentialOfValue(
                type,
                name,
                text(doc.path("ceterms:description")),
                uri(text(doc.path("ceterms:subjectWebpage")))
                        .filter(u -> !u.toString().equals(text(doc.path("@id")))),
                requirementText,
                cost,
                duration,
                delivery,
                places,
                teaches,
                requires,
                occupations,
                credit,
                keywords);
    }

    /** One change {@link #normalise} made, said plainly. */
    public record Normalisation(String what) {}

    /**
     * Brings older CTDL shapes (as in Credential Engine's own seeds and fixtures) to the shape the registry's schema
     * validates: language maps become plain strings (English, else the first), {@code {"@id": x}} references become
     * {@code x}, the context becomes {@link #CONTEXT}, and {@code urn:ctid:} CTIDs become {@code ce-} ones. Nothing is
     * invented: a document missing required properties still fails validation afterwards.
     */
    public static ObjectNode normalise(ObjectNode original, List<Normalisation> changes) {
        ObjectNode doc = (ObjectNode) normaliseNode(original.deepCopy(), changes);
        JsonNode context = doc.path("@context");
        if (!(context.isString() && context.asString().equals(CONTEXT))) {
            // a resource of a @graph document has no context of its own; stored alone it needs one
            doc.put("@context", CONTEXT);
            changes.add(new Normalisation("@context set to " + CONTEXT));
        }
        String ctid = text(doc.path("ceterms:ctid"));
        if (ctid.startsWith("urn:ctid:")) {
            Ctid.parse(ctid).ifPresent(parsed -> {
                doc.put("ceterms:ctid", parsed.value());
                changes.add(new Normalisation("ceterms:ctid written as " + parsed.value()));
            });
        }
        return doc;
    }

    private static JsonNode normaliseNode(JsonNode node, List<Normalisation> changes) {
        if (node.isObject()) {
            if (isLanguageMap(node)) {
                JsonNode english = node.has("en") ? node.get("en") : node.path("en-US");
                String value = english.isString()
                        ? english.asString()
                        : node.iterator().next().asString();
                changes.add(new Normalisation("language map read as a plain string"));
                return NODES.stringNode(value);
            }
            if (node.size() == 1 && node.has("@id") && node.get("@id").isString()) {
                changes.add(new Normalisation("{\"@id\": …} reference read as its URI"));
                return node.get("@id");
            }
            ObjectNode object = (ObjectNode) node;
            Map<String, JsonNode> replaced = new LinkedHashMap<>();
            object.properties().forEach(e -> replaced.put(e.getKey(), normaliseNode(e.getValue(), changes)));
            replaced.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normaliseNode(array.get(i), changes));
            }
            return array;
        }
        return node;
    }

    private static boolean isLanguageMap(JsonNode node) {
        if (node.isEmpty()) {
            return false;
        }
        for (var property : node.properties()) {
            if (!LANGUAGE_TAG.matcher(property.getKey()).matches()
                    || !property.getValue().isString()) {
                return false;
            }
        }
        return true;
    }

    /** The references a property holds: one IRI string, or an array of them (after {@link #normalise}). */
    static List<String> references(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isString()) {
            out.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(item -> {
                if (item.isString()) {
                    out.add(item.asString());
                } else if (item.path("@id").isString()) {
                    out.add(item.path("@id").asString());
                }
            });
        }
        return out;
    }

    /** A string, or a language map's English (else first) value, or "" for anything else. */
    static String text(JsonNode node) {
        if (node.isString()) {
            return node.asString().strip();
        }
        if (node.isNumber()) {
            return node.asString();
        }
        if (node.isObject() && isLanguageMap(node)) {
            JsonNode english = node.has("en") ? node.get("en") : node.path("en-US");
            return (english.isString()
                            ? english.asString()
                            : node.iterator().next().asString())
                    .strip();
        }
        if (node.isObject() && node.path("@id").isString()) {
            return node.get("@id").asString().strip();
        }
        if (node.isArray() && node.size() == 1) {
            return text(node.get(0));
        }
        return "";
    }

    static Optional<URI> uri(String value) {
        if (value.isBlank() || value.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<CredentialOfValue.EstimatedDuration> duration(String iso) {
        try {
            return iso.isBlank() ? Optional.empty() : Optional.of(new CredentialOfValue.EstimatedDuration(iso));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<CredentialOfValue.Alignment> alignment(JsonNode target) {
        Optional<URI> uri = uri(text(target.path("ceterms:targetNode")));
        String label = text(target.path("ceterms:targetNodeName"));
        return uri.map(u -> new CredentialOfValue.Alignment(u, label.isBlank() ? u.toString() : label));
    }

    private static ObjectNode alignment(CredentialOfValue.Alignment a, String alignmentType) {
        ObjectNode node = NODES.objectNode();
        node.put("@type", "ceterms:CredentialAlignmentObject");
        node.put("ceterms:targetNode", a.uri().toString());
        node.put("ceterms:targetNodeName", a.label());
        if (!alignmentType.isEmpty()) {
            node.put("ceterms:alignmentType", alignmentType);
        }
        return node;
    }

    private static ObjectNode concept(String framework, String node, String name) {
        ObjectNode concept = NODES.objectNode();
        concept.put("@type", "ceterms:CredentialAlignmentObject");
        concept.put("ceterms:framework", framework);
        concept.put("ceterms:targetNode", node);
        concept.put("ceterms:targetNodeName", name);
        return concept;
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (!value.isBlank()) {
            node.put(field, value);
        }
    }

    /** Compact JSON text of a document, as stored and served. */
    public static String write(JsonNode doc) {
        return JSON.writeValueAsString(doc);
    }

    public static JsonNode read(String text) {
        return JSON.readTree(text);
    }
}
