package org.openler.skills.sources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * O*NET 29.3 from {@code openler-data}: occupations (with job zones and alternate titles), the 35 skills and 33
 * knowledge areas with each occupation's importance (IM 1–5) and level (LV 0–7), technology skills with their hot
 * and in-demand flags, and related occupations.
 *
 * <p>Importance becomes the weight, {@code (IM − 1) / 4}; level becomes the proficiency, {@code 1 + round(LV × 4 /
 * 7)}; a rating is essential when IM ≥ 3 ("important" on O*NET's scale). A technology skill weighs 0.7 when in
 * demand for the occupation, 0.6 when a hot technology, 0.5 otherwise, and is essential when in demand. O*NET
 * mints no URIs: occupations and descriptors take their O*NET OnLine addresses; technology products and their
 * UNSPSC classes take {@code urn:openler:onet:…} names, which the platform resolves.
 */
public final class OnetReader {

    public static final String SLUG = "onet";
    public static final String VERSION = "29.3";
    public static final String OCCUPATION_BASE = "https://www.onetonline.org/link/summary/";
    public static final String DESCRIPTOR_BASE = "https://www.onetonline.org/find/descriptor/result/";
    public static final String TECHNOLOGY_BASE = "urn:openler:onet:technology:";
    public static final String TECHNOLOGY_CLASS_BASE = "urn:openler:onet:unspsc:";

    private static final String DIR = "onet/";

    private OnetReader() {}

    public static FrameworkData read() {
        Bundle bundle = new Bundle();
        FrameworkData.Builder data = new FrameworkData.Builder();

        Map<String, String> descriptions = new HashMap<>();
        bundle.records(DIR + "text/Content Model Reference.txt", '\t', r -> {
            if (r.size() >= 3) {
                descriptions.put(r.get(0), r.get(2));
            }
        });

        Map<String, OccupationEntry> occupations = new LinkedHashMap<>();
        bundle.records(DIR + "text/Occupation Data.txt.gz", '\t', skipHeader(r -> {
            String code = r.get(0);
            occupations.put(code, new OccupationEntry(occupationUri(code), code, r.get(1), r.get(2), 0, List.of()));
        }));
        bundle.records(DIR + "text/Job Zones.txt", '\t', skipHeader(r -> {
            OccupationEntry o = occupations.get(r.get(0));
            if (o != null) {
                occupations.put(
                        r.get(0), o.withJobZone(Integer.parseInt(r.get(2).strip())));
            }
        }));
        Map<String, List<String>> titles = new HashMap<>();
        bundle.records(DIR + "converted-from-xlsx/Alternate Titles.txt.gz", '\t', skipHeader(r -> {
            List<String> list = titles.computeIfAbsent(r.get(0), k -> new ArrayList<>());
            list.add(r.get(2));
            if (r.size() > 3 && !r.get(3).isBlank()) {
                list.add(r.get(3));
            }
        }));
        occupations.forEach((code, o) -> data.occupation(o.withAltTitles(titles.getOrDefault(code, List.of()))));

        bundle.records(DIR + "text/Related Occupations.txt.gz", '\t', skipHeader(r -> {
            if (occupations.containsKey(r.get(0)) && occupations.containsKey(r.get(2))) {
                data.related(occupationUri(r.get(0)), occupationUri(r.get(2)), r.get(4), Integer.parseInt(r.get(5)));
            }
        }));

        ratings(bundle, data, "converted-from-xlsx/Skills.txt.gz", "skill", descriptions);
        ratings(bundle, data, "converted-from-xlsx/Knowledge.txt.gz", "knowledge", descriptions);
        technology(bundle, data);

        return data.build(new FrameworkInfo(
                SLUG,
                VERSION,
                "O*NET 29.3 Database",
                "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
                "CC BY 4.0",
                "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor,"
                        + " Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
                        + " O*NET® is a trademark of USDOL/ETA. OpenLER has modified all or some of this information."
                        + " USDOL/ETA has not approved, endorsed, or tested these modifications.",
                "openler-data: " + Bundle.DATA + DIR,
                "onet",
                "https://www.onetcenter.org/database.html#db_29_3",
                "Occupations of the O*NET-SOC 2019 taxonomy with their skills, knowledge and technology skills.",
                bundle.sha256()));
    }

    public static String occupationUri(String code) {
        return OCCUPATION_BASE + code;
    }

    /** One competency per element; one requirement per occupation and element, joining its IM and LV rows. */
    private static void ratings(
            Bundle bundle, FrameworkData.Builder data, String file, String kind, Map<String, String> descriptions) {
        Map<String, double[]> scores = new LinkedHashMap<>(); // occupation|element -> {IM, LV (-1 if not relevant)}
        bundle.records(DIR + file, '\t', skipHeader(r -> {
            String element = r.get(2);
            String uri = DESCRIPTOR_BASE + element;
            if (!data.hasConcept(uri)) {
                data.concept(
                        new Concept(uri, element, kind, r.get(3), descriptions.getOrDefault(element, ""), List.of()));
            }
            double[] s = scores.computeIfAbsent(r.get(0) + "|" + element, k -> new double[] {Double.NaN, -1});
            double value = Double.parseDouble(r.get(6));
            if (r.get(4).equals("IM")) {
                s[0] = value;
            } else if (r.get(4).equals("LV") && !"Y".equals(r.get(12))) {
                s[1] = value;
            }
        }));
        scores.forEach((key, s) -> {
            if (Double.isNaN(s[0])) {
                return;
            }
            int bar = key.indexOf('|');
            String occupation = key.substring(0, bar);
            String element = key.substring(bar + 1);
            double weight = Math.clamp((s[0] - 1) / 4, 0, 1);
            int proficiency = s[1] < 0 ? 0 : (int) Math.clamp(1 + Math.round(s[1] * 4 / 7), 1, 5);
            data.requirement(new Need(
                    occupationUri(occupation),
                    DESCRIPTOR_BASE + element,
                    "rated",
                    Math.round(weight * 10_000) / 10_000.0,
                    proficiency,
                    s[0] >= 3.0,
                    false,
                    false));
        });
    }

    /** Technology products (one competency each, narrower than their UNSPSC commodity) and who uses them. */
    private static void technology(Bundle bundle, FrameworkData.Builder data) {
        Map<String, Need> needs = new LinkedHashMap<>();
        Set<String> classes = new HashSet<>();
        bundle.records(DIR + "text/Technology Skills.txt.gz", '\t', skipHeader(r -> {
            String example = r.get(2).strip();
            String commodity = r.get(3).strip();
            String classUri = TECHNOLOGY_CLASS_BASE + commodity;
            if (!data.hasConcept(classUri)) {
                data.concept(new Concept(classUri, "unspsc-" + commodity, "technology-class", r.get(4), "", List.of()));
            }
            String uri = TECHNOLOGY_BASE + URLEncoder.encode(example, StandardCharsets.UTF_8);
            if (!data.hasConcept(uri)) {
                String base = "tech-" + Text.slug(example.replace("+", " plus ").replace("#", " sharp "));
                String code = base;
                for (int n = 2; data.hasConceptCode(code); n++) {
                    code = base + "-" + n; // names that differ only in case or punctuation
                }
                data.concept(new Concept(uri, code, "technology", example, r.get(4), List.of()));
            }
            if (classes.add(uri + " " + classUri)) {
                data.broader(uri, classUri);
            }
            boolean hot = "Y".equals(r.get(5).strip());
            boolean inDemand = "Y".equals(r.get(6).strip());
            double weight = inDemand ? 0.7 : hot ? 0.6 : 0.5;
            String occupation = occupationUri(r.get(0));
            needs.merge(
                    occupation + "|" + uri,
                    new Need(occupation, uri, "technology", weight, 0, inDemand, hot, inDemand),
                    (a, b) -> a.weight() >= b.weight() ? a : b);
        }));
        needs.values().forEach(data::requirement);
    }

    static Consumer<List<String>> skipHeader(Consumer<List<String>> rows) {
        boolean[] first = {true};
        return r -> {
            if (first[0]) {
                first[0] = false;
                return;
            }
            rows.accept(r);
        };
    }
}
