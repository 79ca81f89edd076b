package org.openler.platform.skills.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.skills.Competencies;
import org.openler.platform.skills.Competency;
import org.openler.platform.skills.Framework;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A framework version as CTDL-ASN JSON-LD: one {@code ceasn:CompetencyFramework} and a {@code ceasn:Competency} per
 * competency, in one {@code @graph}, in the shape the Credential Registry's JSON Schemas require. {@code @id}s are
 * the platform URLs; each competency's source URI (ESCO's own, say) is its {@code ceasn:exactAlignment}. CTIDs are
 * name-based UUIDs of the source URIs, so the same framework exports the same CTIDs every time, on every instance.
 */
@Component
class CtdlAsnExport {

    static final String CONTEXT = "http://credreg.net/ctdlasn/schema/context/json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> LICENCES = Map.of(
            "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/",
            "Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0",
            "MIT", "https://opensource.org/license/mit");

    private final Competencies competencies;
    private final JdbcClient jdbc;
    private final PlatformUrls urls;

    CtdlAsnExport(Competencies competencies, JdbcClient jdbc, PlatformUrls urls) {
        this.competencies = competencies;
        this.jdbc = jdbc;
        this.urls = urls;
    }

    byte[] export(Framework framework) {
        String base = urls.base();
        String frameworkId = base + SkillPaths.framework(framework.ref());
        List<Competency> all = competencies.all(framework.id());
        Map<UUID, String> ids = new HashMap<>();
        all.forEach(c -> ids.put(c.id(), base + SkillPaths.competency(c.framework(), c.code())));
        Map<UUID, List<String>> parents = new HashMap<>();
        Map<UUID, List<String>> children = new HashMap<>();
        jdbc.sql("select b.competency_id, b.broader_id from skill_competency_broader b join skill_competency c"
                        + " on c.id = b.competency_id where c.framework_id = ?")
                .param(framework.id().value())
                .query(rs -> {
                    UUID child = rs.getObject(1, UUID.class);
                    UUID parent = rs.getObject(2, UUID.class);
                    if (ids.containsKey(parent)) {
                        parents.computeIfAbsent(child, k -> new ArrayList<>()).add(ids.get(parent));
                        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(ids.get(child));
                    }
                });

        ObjectNode document = JSON.createObjectNode();
        document.put("@context", CONTEXT);
        ArrayNode graph = document.putArray("@graph");
        ObjectNode f = graph.addObject();
        f.put("@context", CONTEXT);
        f.put("@id", frameworkId);
        f.put("@type", "ceasn:CompetencyFramework");
        f.put("ceterms:ctid", ctid(framework.uri().toString() + "#" + framework.version()));
        f.putObject("ceasn:name").put("en", framework.name());
        f.putObject("ceasn:description")
                .put(
                        "en",
                        (framework.description().isBlank() ? framework.name() : framework.description()) + " "
                                + framework.attribution());
        f.putArray("ceasn:inLanguage").add("en");
        f.putArray("ceasn:source").add(framework.uri().toString());
        String licence = LICENCES.get(framework.licence());
        if (licence != null) {
            f.put("ceasn:license", licence);
        }
        f.put("ceasn:dateCreated", framework.importedAt().toString().substring(0, 10));
        ArrayNode top = f.putArray("ceasn:hasTopChild");
        for (Competency c : all) {
            String id = ids.get(c.id());
            if (!parents.containsKey(c.id())) {
                top.add(id);
            }
            ObjectNode node = graph.addObject();
            node.put("@context", CONTEXT);
            node.put("@id", id);
            node.put("@type", "ceasn:Competency");
            node.put("ceterms:ctid", ctid(c.uri().toString()));
            node.putObject("ceasn:competencyText").put("en", c.label());
            if (!c.description().isBlank()) {
                node.putObject("ceasn:comment").put("en", c.description());
            }
            node.put("ceasn:codedNotation", c.code());
            node.putArray("ceasn:inLanguage").add("en");
            node.putArray("ceasn:isPartOf").add(frameworkId);
            node.putArray("ceasn:competencyCategory").addObject().put("en", c.kind());
            if (!c.altLabels().isEmpty()) {
                ArrayNode keywords = node.putArray("ceasn:conceptKeyword");
                c.altLabels().forEach(l -> keywords.addObject().put("en", l));
            }
            node.putArray("ceasn:exactAlignment").add(c.uri().toString());
            if (parents.containsKey(c.id())) {
                ArrayNode up = node.putArray("ceasn:isChildOf");
                parents.get(c.id()).forEach(up::add);
            }
            if (children.containsKey(c.id())) {
                ArrayNode down = node.putArray("ceasn:hasChild");
                children.get(c.id()).forEach(down::add);
            }
        }
        return JSON.writeValueAsBytes(document);
    }

    /** A CTID ({@code ce-} and a UUID) named after a URI: the same URI gives the same CTID everywhere. */
    static String ctid(String uri) {
        return "ce-" + UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8));
    }
}
