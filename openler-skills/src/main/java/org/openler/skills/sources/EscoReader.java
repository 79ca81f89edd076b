package org.openler.skills.sources;

import java.util.Arrays;
import java.util.List;

/**
 * ESCO 1.1.1 from the official CSV downloads in {@code openler-data}: skills and knowledge (with alternative labels
 * and ESCO's own concept URIs), skill groups and the broader relations of the skills pillar, occupations with their
 * essential and optional skills (weights 1 and 0.5: ESCO does not rate importance), and skill-to-skill relations
 * (as {@code related} mappings).
 */
public final class EscoReader {

    public static final String SLUG = "esco";
    public static final String VERSION = "1.1.1";

    private static final String DIR = "esco/";
    private static final String LABELS = DIR + "ESCO dataset - v1.1.1 - classification - en - csv.zip";
    private static final String RELATIONS = DIR + "ESCO dataset - v1.1.1 - classification -  - csv.zip";
    private static final String BASE = "http://data.europa.eu/esco/";

    private EscoReader() {}

    public static FrameworkData read() {
        Bundle bundle = new Bundle();
        FrameworkData.Builder data = new FrameworkData.Builder();

        bundle.zipRecords(LABELS, "skills_en.csv", Csv.byHeader(r -> {
            String kind = r.get("skillType").equals("knowledge") ? "knowledge" : "skill";
            data.concept(new Concept(
                    r.get("conceptUri"),
                    code(r.get("conceptUri")),
                    kind,
                    r.get("preferredLabel"),
                    r.get("description"),
                    lines(r.get("altLabels"))));
        }));
        bundle.zipRecords(LABELS, "skillGroups_en.csv", Csv.byHeader(r -> {
            if (!data.hasConcept(r.get("conceptUri"))) {
                data.concept(new Concept(
                        r.get("conceptUri"),
                        code(r.get("conceptUri")),
                        "skill-group",
                        r.get("preferredLabel"),
                        r.get("description"),
                        lines(r.get("altLabels"))));
            }
        }));
        bundle.zipRecords(LABELS, "occupations_en.csv", Csv.byHeader(r -> {
            String uri = r.get("conceptUri");
            String code = r.get("code").isBlank() ? code(uri) : r.get("code");
            data.occupation(new OccupationEntry(
                    uri, code, r.get("preferredLabel"), r.get("description"), 0, lines(r.get("altLabels"))));
        }));
        bundle.zipRecords(RELATIONS, "broaderRelationsSkillPillar.csv", Csv.byHeader(r -> {
            if (data.hasConcept(r.get("conceptUri")) && data.hasConcept(r.get("broaderUri"))) {
                data.broader(r.get("conceptUri"), r.get("broaderUri"));
            }
        }));
        bundle.zipRecords(RELATIONS, "occupationSkillRelations.csv", Csv.byHeader(r -> {
            if (data.hasOccupation(r.get("occupationUri")) && data.hasConcept(r.get("skillUri"))) {
                data.requirement(Need.listed(
                        r.get("occupationUri"),
                        r.get("skillUri"),
                        r.get("relationType").equals("essential")));
            }
        }));
        bundle.zipRecords(RELATIONS, "skillSkillRelations.csv", Csv.byHeader(r -> {
            data.mapping(r.get("originalSkillUri"), r.get("relatedSkillUri"), "related");
        }));

        return data.build(new FrameworkInfo(
                SLUG,
                VERSION,
                "ESCO (European Skills, Competences, Qualifications and Occupations) v1.1.1",
                "European Commission",
                "CC BY 4.0",
                "This service uses the ESCO classification of the European Commission. (ESCO v1.1.1, © European"
                        + " Union, CC BY 4.0.) The Commission is not responsible for content OpenLER derives from it.",
                "openler-data: " + Bundle.DATA + DIR,
                "esco",
                "http://data.europa.eu/esco/concept-scheme/skills",
                "The European multilingual classification of skills, competences and occupations (English labels).",
                bundle.sha256()));
    }

    /** ESCO's URI path below its base, e.g. {@code skill/0005c151-…} or {@code isced-f/00}: unique and stable. */
    static String code(String uri) {
        return uri.startsWith(BASE) ? uri.substring(BASE.length()) : uri;
    }

    /** ESCO packs alternative labels one per line in one field. */
    static List<String> lines(String field) {
        return field.isBlank() ? List.of() : Arrays.asList(field.split("\\R"));
    }
}
