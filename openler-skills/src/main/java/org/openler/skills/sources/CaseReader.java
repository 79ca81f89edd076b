package org.openler.skills.sources;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A 1EdTech CASE 1.0 CFPackage (JSON), validated first against the CFPackage JSON Schema bundled in {@code
 * openler-data}: its CFItems become competencies (kind from CFItemType, else {@code competency}), isChildOf
 * associations between items their hierarchy (a cycle is refused), exactMatchOf and isRelatedTo associations
 * mappings. The slug is {@code case-} and the document's title; the version is the document's {@code version}, else
 * its last change time.
 */
public final class CaseReader {

    private static final String SCHEMA = "case/schema/case-v1p0-cfpackage-schema.json";
    private static final Map<String, String> MAPPINGS = Map.of("exactMatchOf", "exact", "isRelatedTo", "related");

    private static volatile Schema schema;

    private CaseReader() {}

    public static FrameworkData read(byte[] bytes, String source) {
        Bundle bundle = new Bundle();
        JsonNode root = Json.parse(bundle.counted(bytes), "CASE package");
        if (!root.isObject()) {
            throw new SourceException("A CASE package is a JSON object with CFDocument, CFItems and CFAssociations.");
        }
        List<Error> errors = schema().validate(root);
        if (!errors.isEmpty()) {
            throw new SourceException("The CASE package does not follow the CFPackage schema: "
                    + errors.stream()
                            .limit(3)
                            .map(e -> e.getInstanceLocation() + " " + e.getMessage())
                            .toList());
        }
        JsonNode document = root.path("CFDocument");
        FrameworkData.Builder data = new FrameworkData.Builder();
        for (JsonNode item : root.path("CFItems")) {
            String uri = item.path("uri").asString("");
            String full = item.path("fullStatement").asString("");
            String abbreviated = item.path("abbreviatedStatement").asString("");
            String coding = item.path("humanCodingScheme").asString("");
            String identifier = item.path("identifier").asString("");
            String code = !coding.isBlank() && !data.hasConceptCode(coding) ? coding : identifier;
            String kind = item.path("CFItemType").asString("");
            data.concept(new Concept(
                    uri,
                    code,
                    kind.isBlank() ? "competency" : Text.slug(kind),
                    abbreviated.isBlank() ? full : abbreviated,
                    abbreviated.isBlank() ? "" : full,
                    Json.texts(item.path("conceptKeywords"))));
        }
        for (JsonNode association : root.path("CFAssociations")) {
            String type = association.path("associationType").asString("");
            String origin = association.path("originNodeURI").path("uri").asString("");
            String destination =
                    association.path("destinationNodeURI").path("uri").asString("");
            if (type.equals("isChildOf") && data.hasConcept(origin) && data.hasConcept(destination)) {
                data.broader(origin, destination);
            } else if (MAPPINGS.containsKey(type) && data.hasConcept(origin) && !destination.isBlank()) {
                data.mapping(origin, destination, MAPPINGS.get(type));
            }
        }
        FrameworkData read = data.build(info(document, "0", source, bundle));
        Hierarchy.requireAcyclic(read.broader());
        return read;
    }

    private static FrameworkInfo info(JsonNode document, String fallback, String source, Bundle bundle) {
        String title = document.path("title").asString("");
        String version = document.path("version").asString("");
        if (version.isBlank()) {
            version = document.path("lastChangeDateTime").asString(fallback);
        }
        return new FrameworkInfo(
                "case-" + Text.slug(title),
                version.replaceAll("[^A-Za-z0-9._+-]", "-"),
                title,
                document.path("publisher").asString(document.path("creator").asString("")),
                document.path("licenseURI").path("title").asString(""),
                title + " by " + document.path("creator").asString("its creator") + " (CASE 1.0 package).",
                source,
                "case",
                document.path("uri").asString(""),
                document.path("description").asString(""),
                bundle.sha256());
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            Bundle resources = new Bundle();
            s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(Json.parse(resources.bytes(SCHEMA), "CASE schema"));
            schema = s;
        }
        return s;
    }
}
