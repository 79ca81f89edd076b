package org.openler.skills.sources;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Open Skills Network Rich Skill Descriptors. JSON: a {@code RichSkillCollection}, one {@code RichSkillDescriptor},
 * or an array of skill summaries, in OSMT's v2 ({@code author}, {@code category}) or v3 ({@code authors}, {@code
 * categories}) shape; the skill's {@code id} is its URI, the skill name its label, the skill statement its
 * description, keywords its alternative labels, categories broader concepts, alignments mappings. CSV: OSMT's batch
 * import (Skill Name, Skill Category, Contextualized Skill Statement, Keywords, …, Alignment); CSV rows carry no URI,
 * so each skill is named {@code urn:openler:rsd:<collection>:<skill name>}.
 */
public final class RsdReader {

    private RsdReader() {}

    public static FrameworkData readJson(byte[] bytes, String source, String fallbackName) {
        Bundle bundle = new Bundle();
        JsonNode root = Json.parse(bundle.counted(bytes), "RSD document");
        List<JsonNode> skills = new ArrayList<>();
        String name;
        String uri;
        String author;
        String version;
        if (root.isArray()) {
            root.forEach(skills::add);
            name = fallbackName;
            uri = "urn:openler:rsd:" + Text.slug(name);
            author = "";
            version = "1";
        } else if (root.path("type").asString("").equals("RichSkillCollection") || root.has("skills")) {
            root.path("skills").forEach(skills::add);
            name = root.path("name").asString(fallbackName);
            uri = root.path("id").asString("urn:openler:rsd:" + Text.slug(name));
            author = String.join(", ", Json.texts(root.has("authors") ? root.path("authors") : root.path("author")));
            version = root.path("updateDate")
                    .asString(root.path("publishDate")
                            .asString(root.path("creationDate").asString("1")));
        } else if (root.has("skillName")) {
            skills.add(root);
            name = root.path("skillName").asString(fallbackName);
            uri = root.path("id").asString("urn:openler:rsd:" + Text.slug(name));
            author = String.join(", ", Json.texts(root.has("authors") ? root.path("authors") : root.path("author")));
            version = root.path("updateDate").asString("1");
        } else {
            throw new SourceException("Not a Rich Skill Descriptor, a RichSkillCollection or a list of skills.");
        }
        FrameworkData.Builder data = new FrameworkData.Builder();
        for (JsonNode s : skills) {
            String id = s.path("id").asString("");
            String skillName = s.path("skillName").asString("");
            if (skillName.isBlank()) {
                throw new SourceException("A skill has no skillName.");
            }
            String skillUri = id.isBlank() ? uri + ":" + Text.slug(skillName) : id;
            if (data.hasConcept(skillUri)) {
                continue; // lists of search results repeat skills
            }
            data.concept(new Concept(
                    skillUri,
                    s.path("uuid").asString(Text.slug(skillName)),
                    "skill",
                    skillName,
                    s.path("skillStatement").asString(""),
                    Json.texts(s.path("keywords"))));
            categories(
                    data, uri, skillUri, Json.texts(s.has("categories") ? s.path("categories") : s.path("category")));
            for (JsonNode alignment : s.path("alignments")) {
                String target = alignment.path("id").asString("");
                if (!target.isBlank() && target.length() <= Text.MAX_URI) {
                    data.mapping(skillUri, target, "exact");
                }
            }
        }
        return data.build(info(name, version, author, uri, source, "rsd", bundle));
    }

    public static FrameworkData readCsv(byte[] bytes, String source, String fallbackName) {
        Bundle bundle = new Bundle();
        List<Map<String, String>> rows = new ArrayList<>();
        Csv.read(new InputStreamReader(bundle.stream(bytes), StandardCharsets.UTF_8), ',', Csv.byHeader(rows::add));
        if (rows.isEmpty()
                || !rows.getFirst().containsKey("Skill Name")
                        && !rows.getFirst().containsKey("RSD Name")) {
            throw new SourceException(
                    "An RSD batch-import CSV has a header row with \"Skill Name\" (or \"RSD Name\").");
        }
        String collection = rows.stream()
                .map(r -> r.getOrDefault("Collection", ""))
                .filter(c -> !c.isBlank())
                .findFirst()
                .orElse(fallbackName);
        String uri = "urn:openler:rsd:" + Text.slug(collection);
        FrameworkData.Builder data = new FrameworkData.Builder();
        Map<String, Integer> seen = new HashMap<>();
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            String skillName =
                    r.getOrDefault("Skill Name", r.getOrDefault("RSD Name", "")).strip();
            if (skillName.isBlank()) {
                throw new SourceException("Row " + line + " has no skill name.");
            }
            String slug = Text.slug(skillName);
            int n = seen.merge(slug, 1, Integer::sum);
            String code = n == 1 ? slug : slug + "-" + n;
            String skillUri = uri + ":" + code;
            data.concept(new Concept(
                    skillUri,
                    code,
                    "skill",
                    skillName,
                    r.getOrDefault("Contextualized Skill Statement", r.getOrDefault("Skill Statement", "")),
                    List.of(r.getOrDefault("Keywords", "").split(";"))));
            categories(
                    data,
                    uri,
                    skillUri,
                    List.of(r.getOrDefault("Skill Category", r.getOrDefault("Categories", ""))
                            .split(";")));
            String alignment = r.getOrDefault("Alignment", "").strip();
            if (!alignment.isBlank() && alignment.length() <= Text.MAX_URI && !alignment.contains(" ")) {
                data.mapping(skillUri, alignment, "exact");
            }
        }
        return data.build(info(collection, "1", "", uri, source, "rsd-csv", bundle));
    }

    private static void categories(FrameworkData.Builder data, String base, String skillUri, List<String> categories) {
        for (String category : categories) {
            if (category.isBlank()) {
                continue;
            }
            String categoryUri = base + ":category:" + Text.slug(category);
            if (!data.hasConcept(categoryUri)) {
                data.concept(new Concept(
                        categoryUri, "category-" + Text.slug(category), "category", category, "", List.of()));
            }
            data.broader(skillUri, categoryUri);
        }
    }

    private static FrameworkInfo info(
            String name, String version, String author, String uri, String source, String format, Bundle bundle) {
        return new FrameworkInfo(
                "rsd-" + Text.slug(name),
                version.replaceAll("[^A-Za-z0-9._+-]", "-"),
                name,
                author,
                "",
                name + (author.isBlank() ? "" : ", by " + author) + " (Rich Skill Descriptors).",
                source,
                format,
                uri,
                "",
                bundle.sha256());
    }
}
