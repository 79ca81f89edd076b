package org.openler.skills.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NICE Workforce Framework for Cybersecurity, components v2.0.0 (NIST CPRT JSON export): 41 work roles become
 * occupations that list their tasks, knowledge and skills as essential requirements; tasks, knowledge and skill
 * statements become competencies (kinds {@code task}, {@code knowledge}, {@code skill}); the 11 competency areas
 * become competencies of kind {@code competency-area}, broader than the knowledge and skills they group. NIST mints no
 * per-element URIs, so elements take {@code urn:openler:nice:<identifier>} names, which the platform resolves.
 */
public final class NiceReader {

    public static final String SLUG = "nice";
    public static final String BASE = "urn:openler:nice:";
    private static final String FILE = "nice/v2_nf_components.json.gz";

    private NiceReader() {}

    public static FrameworkData read() {
        Bundle bundle = new Bundle();
        JsonNode root;
        try (var in = new GZIPInputStream(bundle.stream(bundle.bytes(FILE)))) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode document = root.path("documents").path(0);
        String version = document.path("version").asString("2.0.0");
        FrameworkData.Builder data = new FrameworkData.Builder();
        Map<String, String> types = new HashMap<>();
        for (JsonNode e : root.path("elements")) {
            String id = e.path("element_identifier").asString();
            String type = e.path("element_type").asString();
            String title = e.path("title").asString("");
            String text = e.path("text").asString("");
            types.put(id, type);
            switch (type) {
                case "work_role" -> data.occupation(new OccupationEntry(BASE + id, id, title, text, 0, List.of()));
                case "task", "knowledge", "skill" ->
                    data.concept(new Concept(BASE + id, id, type, text.isBlank() ? title : text, "", List.of()));
                case "competency_area" ->
                    data.concept(new Concept(BASE + id, id, "competency-area", title, text, List.of()));
                default -> {} // categories, OPM codes and sort keys are not competencies
            }
        }
        for (JsonNode r : root.path("relationships")) {
            String from = r.path("source_element_identifier").asString();
            String to = r.path("dest_element_identifier").asString();
            String fromType = types.getOrDefault(from, "");
            String toType = types.getOrDefault(to, "");
            if (fromType.equals("work_role")
                    && List.of("task", "knowledge", "skill").contains(toType)) {
                data.requirement(Need.listed(BASE + from, BASE + to, true));
            } else if (fromType.equals("competency_area")
                    && List.of("knowledge", "skill").contains(toType)) {
                data.broader(BASE + to, BASE + from);
            }
        }
        return data.build(new FrameworkInfo(
                SLUG,
                version,
                "NICE Workforce Framework for Cybersecurity (NIST SP 800-181r1), Framework Components v" + version,
                "National Institute of Standards and Technology (NIST)",
                "Public domain (U.S. Government work)",
                "NICE Workforce Framework for Cybersecurity (NIST SP 800-181r1), Framework Components v" + version
                        + ", National Institute of Standards and Technology.",
                "openler-data: " + Bundle.DATA + FILE,
                "nice",
                document.path("website").asString("https://csrc.nist.gov/pubs/sp/800/181/r1/final"),
                "Work roles, tasks, knowledge and skills of cybersecurity work.",
                bundle.sha256()));
    }
}
