package org.openler.platform.articulation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.registry.Ctid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public statewide index: every college's published rules in effect, searchable by credential (a CTID, or words
 * of its name or issuer), college (slug), course (code or words of its title) and skill or occupation (a URI, or
 * words of its label). Criteria combine (and); no criterion lists everything, up to the limit.
 */
@Service
public class ArticulationIndex {

    static final int MAX_RESULTS = 500;
    static final int MAX_QUERY = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticulationIndex(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Query(
            Optional<String> credential, Optional<String> college, Optional<String> course, Optional<String> skill) {

        public Query {
            for (Optional<String> p : List.of(credential, college, course, skill)) {
                if (p.filter(x -> x.length() > MAX_QUERY).isPresent()) {
                    throw PlatformException.invalid("q", "Search words: up to " + MAX_QUERY + " characters.");
                }
            }
        }

        public static Query of(String credential, String college, String course, String skill) {
            return new Query(opt(credential), opt(college), opt(course), opt(skill));
        }

        private static Optional<String> opt(String text) {
            String t = text.strip();
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        }

        public boolean isEmpty() {
            return credential.isEmpty() && college.isEmpty() && course.isEmpty() && skill.isEmpty();
        }
    }

    public List<ArticulationRule> search(Query query) {
        StringBuilder sql = new StringBuilder("select r.organization_id, r.document from articulation_rule r"
                + " join organization o on o.id = r.organization_id where r.status = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        query.credential().ifPresent(c -> {
            Optional<Ctid> ctid = Ctid.parse(c);
            if (ctid.isPresent()) {
                sql.append(" and r.source_ctid = ?");
                params.add(ctid.get().value());
            } else {
                sql.append(" and (lower(r.source_name) like ? or lower(r.source_issuer) like ?)");
                params.add(like(c));
                params.add(like(c));
            }
        });
        query.college().ifPresent(c -> {
            sql.append(" and o.slug = ?");
            params.add(c.toLowerCase(Locale.ROOT));
        });
        query.course().ifPresent(c -> {
            sql.append(" and exists (select 1 from articulation_course k where k.rule_id = r.id"
                    + " and (lower(k.code) like ? or lower(k.title) like ? or k.target_ctid = ?))");
            params.add(like(c));
            params.add(like(c));
            params.add(c.toLowerCase(Locale.ROOT));
        });
        query.skill().ifPresent(s -> {
            sql.append(" and exists (select 1 from articulation_skill k where k.rule_id = r.id"
                    + " and (k.uri = ? or lower(k.label) like ?))");
            params.add(s);
            params.add(like(s));
        });
        sql.append(" order by r.source_name, o.name, r.id limit " + MAX_RESULTS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.sql(sql.toString()).params(params).query(ArticulationRules::rule).list().stream()
                .filter(r -> r.inEffect(today))
                .toList();
    }

    /** A published rule, for its public page; drafts are not public, withdrawn rules say so. */
    public Optional<ArticulationRule> rule(java.util.UUID id) {
        return jdbc.sql("select organization_id, document from articulation_rule where id = ? and status <> 'DRAFT'")
                .param(id)
                .query(ArticulationRules::rule)
                .optional();
    }

    /** The rules grouped by their source credential, for the side-by-side page: key, then every college's rule. */
    public static Map<String, List<ArticulationRule>> bySource(List<ArticulationRule> rules) {
        Map<String, List<ArticulationRule>> grouped = new LinkedHashMap<>();
        for (ArticulationRule r : rules) {
            grouped.computeIfAbsent(sourceKey(r), k -> new ArrayList<>()).add(r);
        }
        return grouped;
    }

    /** A source's key in URLs: its CTID, else its name (the page searches by it). */
    public static String sourceKey(ArticulationRule rule) {
        return rule.source().ctid().orElse(rule.source().name());
    }

    private static String like(String words) {
        return "%"
                + words.toLowerCase(Locale.ROOT)
                        .replace("\\", "")
                        .replace("%", "")
                        .replace("_", "") + "%";
    }
}
