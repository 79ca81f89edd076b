package org.openler.platform.skills.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.openler.platform.skills.FrameworkRef;

/**
 * The platform's URL scheme for the ontology; every part comes from the source (slug, version, the framework's own
 * code), so a URL stays the same across re-imports and instances:
 *
 * <pre>
 * /skills                                         frameworks
 * /skills/{slug}/{version}                        a framework version and its competencies (paged)
 * /skills/{slug}/{version}/occupations            its occupations (paged)
 * /skills/{slug}/{version}/competencies/{code}    a competency (ESCO codes contain a slash: skill/…)
 * /skills/{slug}/{version}/occupations/{code}     an occupation
 * /skills/{slug}/{version}/ctdl-asn               the framework as CTDL-ASN JSON-LD
 * /skills/resolve?uri={source URI}                303 to the platform URL of a source URI (newest version)
 * </pre>
 */
final class SkillPaths {

    private SkillPaths() {}

    static String framework(FrameworkRef f) {
        return "/skills/" + f.slug() + "/" + f.version();
    }

    static String competency(FrameworkRef f, String code) {
        return framework(f) + "/competencies/" + encode(code);
    }

    static String occupation(FrameworkRef f, String code) {
        return framework(f) + "/occupations/" + encode(code);
    }

    static String resolve(String uri) {
        return "/skills/resolve?uri=" + URLEncoder.encode(uri, StandardCharsets.UTF_8);
    }

    /** Each path segment of a code, percent-encoded; the slashes between segments stay. */
    private static String encode(String code) {
        StringBuilder out = new StringBuilder();
        for (String segment : code.split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
