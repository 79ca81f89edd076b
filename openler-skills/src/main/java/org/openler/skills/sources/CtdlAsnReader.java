package org.openler.skills.sources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A CTDL-ASN competency framework as JSON-LD: one {@code ceasn:CompetencyFramework} and its {@code ceasn:Competency}
 * resources, given as an {@code @graph}, an array, or several documents in an array (the Credential Registry's seed
 * files). Competency text is the label (or {@code ceasn:competencyLabel} when there is one), {@code isChildOf} /
 * {@code hasChild} the hierarchy (a cycle is refused), alignments the mappings. Identifiers that are not absolute URIs
 * become Credential Registry resource URIs by their CTID, else {@code urn:uuid:} names.
 */
public final class CtdlAsnReader {

    public static final String REGISTRY = "https://credentialengineregistry.org/resources/";
    private static final Map<String, String> ALIGNMENTS = Map.of(
            "ceasn:exactAlignment", "exact",
            "ceasn:majorAlignment", "close",
            "ceasn:minorAlignment", "related",
            "ceasn:broadAlignment", "broad",
            "ceasn:narrowAlignment", "narrow");

    private CtdlAsnReader() {}

    public static FrameworkData read(byte[] bytes, String source) {
        Bundle bundle = new Bundle();
        JsonNode root = Json.parse(bundle.counted(bytes), "CTDL-ASN document");
        List<JsonNode> resources = new ArrayList<>();
        collect(root, resources);
        JsonNode framework = null;
        List<JsonNode> competencies = new ArrayList<>();
        for (JsonNode r : resources) {
            String type = Json.text(r.path("@type"));
            if (type.equals("ceasn:CompetencyFramework")) {
                if (framework != null) {
                    throw new SourceException("The document holds more than one ceasn:CompetencyFramework.");
                }
                framework = r;
            } else if (type.equals("ceasn:Competency")) {
                competencies.add(r);
            }
        }
        if (framework == null) {
            throw new SourceException("The document holds no ceasn:CompetencyFramework.");
        }
        Map<String, String> uris = new HashMap<>();
        for (JsonNode r : resources) {
            uris.put(r.path("@id").asString(""), uri(r));
        }
        FrameworkData.Builder data = new FrameworkData.Builder();
        for (JsonNode c : competencies) {
            String uri = uri(c);
            String text = Json.text(c.path("ceasn:competencyText"));
            String label = Json.text(c.path("ceasn:competencyLabel"));
            String notation = c.path("ceasn:codedNotation").asString("");
            String ctid = c.path("ceterms:ctid").asString("");
            String code = !notation.isBlank() && !data.hasConceptCode(notation)
                    ? notation
                    : !ctid.isBlank() ? ctid : c.path("@id").asString(uri);
            data.concept(new Concept(
                    uri,
                    code,
                    "competency",
                    label.isBlank() ? text : label,
                    label.isBlank() ? Json.text(c.path("ceasn:comment")) : text,
                    Json.texts(c.path("ceasn:altCodedNotation"))));
        }
        for (JsonNode c : competencies) {
            String uri = uri(c);
            for (String parent : Json.ids(c.path("ceasn:isChildOf"))) {
                String p = uris.getOrDefault(parent, parent);
                if (data.hasConcept(p)) {
                    data.broader(uri, p);
                }
            }
            for (String child : Json.ids(c.path("ceasn:hasChild"))) {
                String ch = uris.getOrDefault(child, child);
                if (data.hasConcept(ch)) {
                    data.broader(ch, uri);
                }
            }
            ALIGNMENTS.forEach((property, relation) -> {
                for (String target : Json.ids(c.path(property))) {
                    if (target.length() <= Text.MAX_URI
                            && !target.isBlank()
                            && target.chars().noneMatch(Character::isWhitespace)) {
                        data.mapping(uri, uris.getOrDefault(target, target), relation);
                    }
                }
            });
        }
        FrameworkData read = data.build(info(framework, source, bundle));
        Hierarchy.requireAcyclic(dedupe(read.broader()));
        return read;
    }

    private static List<Link> dedupe(List<Link> links) {
        return links.stream().distinct().toList();
    }

    private static FrameworkInfo info(JsonNode f, String source, Bundle bundle) {
        String name = Json.text(f.path("ceasn:name"));
        String version = f.path("ceasn:dateModified")
                .asString(f.path("ceasn:dateCreated").asString("1"));
        List<String> creators = Json.ids(f.path("ceasn:creator"));
        List<String> publishers = Json.ids(f.path("ceasn:publisher"));
        String publisher =
                !publishers.isEmpty() ? publishers.getFirst() : creators.isEmpty() ? "" : creators.getFirst();
        String licence = f.path("ceasn:license").asString("");
        String rights = Json.text(f.path("ceasn:rights"));
        return new FrameworkInfo(
                "ctdl-" + Text.slug(name),
                version.replaceAll("[^A-Za-z0-9._+-]", "-"),
                name,
                publisher,
                licence,
                rights.isBlank() ? name + (publisher.isBlank() ? "" : ", " + publisher) + " (CTDL-ASN)." : rights,
                source,
                "ctdl-asn",
                uri(f),
                Json.text(f.path("ceasn:description")),
                bundle.sha256());
    }

    /** Resources from an object, an {@code @graph}, or arrays of either. */
    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            if (node.has("@graph")) {
                collect(node.path("@graph"), into);
            } else {
                into.add(node);
            }
        }
    }

    static String uri(JsonNode resource) {
        String id = resource.path("@id").asString("");
        if (id.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.+")) {
            return id;
        }
        String ctid = resource.path("ceterms:ctid").asString("");
        if (ctid.matches("ce-[0-9a-fA-F-]{36}")) {
            return REGISTRY + ctid;
        }
        if (id.isBlank()) {
            throw new SourceException("A resource has neither @id nor ceterms:ctid.");
        }
        return "urn:uuid:" + id;
    }
}
