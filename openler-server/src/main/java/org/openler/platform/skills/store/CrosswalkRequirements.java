package org.openler.platform.skills.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Gives the O*NET occupations that O*NET does not rate (Software Developers among them) requirements borrowed through
 * the ESCO–O*NET crosswalk: the essential and optional skills of the ESCO occupations they match, marked {@code
 * crosswalk}. Exact and close matches are used when there are any, broad and narrow ones otherwise; a broad or narrow
 * match counts 0.8 of an exact one. A skill several matched occupations list keeps its highest weight and is essential
 * if any of them says so. Runs again after any of the three is imported: it replaces what it derived before, so the
 * result depends only on the stored content (the newest O*NET, ESCO and crosswalk versions).
 */
@Repository
public class CrosswalkRequirements {

    private static final Logger log = LoggerFactory.getLogger(CrosswalkRequirements.class);

    private final JdbcTemplate jdbc;

    CrosswalkRequirements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Derives them in the caller's transaction; answers how many occupations got some. */
    public int derive(String onetSlug, String escoSlug, String crosswalkFormat) {
        Optional<UUID> onet = newest("slug = ?", onetSlug);
        Optional<UUID> esco = newest("slug = ?", escoSlug);
        if (onet.isEmpty() || esco.isEmpty()) {
            return 0;
        }
        jdbc.update(
                "delete from skill_requirement where source = 'crosswalk' and occupation_id in"
                        + " (select id from skill_occupation where framework_id = ?)",
                onet.get());
        List<UUID> crosswalks = jdbc.query(
                "select id from skill_framework where format = ?",
                (rs, n) -> rs.getObject(1, UUID.class),
                crosswalkFormat);
        if (crosswalks.isEmpty()) {
            return 0;
        }
        // every O*NET occupation without its own rated requirements, with its matched ESCO occupations
        record Matched(UUID occupation, UUID esco, String relation) {}
        List<Matched> matches = new ArrayList<>();
        for (UUID crosswalk : crosswalks) {
            matches.addAll(jdbc.query(
                    "select o.id, e.id, x.relation from skill_occupation o"
                            + " join skill_crosswalk x on x.subject_uri = o.uri and x.framework_id = ?"
                            + " join skill_occupation e on e.uri = x.object_uri and e.framework_id = ?"
                            + " where o.framework_id = ? and not exists (select 1 from skill_requirement r"
                            + "   where r.occupation_id = o.id and r.source = 'rated')",
                    (rs, n) -> new Matched(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)),
                    crosswalk,
                    esco.get(),
                    onet.get()));
        }
        Map<UUID, List<Matched>> byOccupation = new LinkedHashMap<>();
        matches.forEach(m -> byOccupation
                .computeIfAbsent(m.occupation(), k -> new ArrayList<>())
                .add(m));

        record Borrowed(double weight, boolean essential) {}
        List<Object[]> rows = new ArrayList<>();
        byOccupation.forEach((occupation, list) -> {
            boolean close = list.stream()
                    .anyMatch(m -> m.relation().equals("exact") || m.relation().equals("close"));
            Map<UUID, Borrowed> borrowed = new LinkedHashMap<>();
            for (Matched m : list) {
                boolean isClose = m.relation().equals("exact") || m.relation().equals("close");
                if (close && !isClose) {
                    continue;
                }
                double factor = isClose ? 1.0 : 0.8;
                jdbc.query(
                        "select competency_id, weight, essential from skill_requirement where occupation_id = ?",
                        rs -> {
                            UUID competency = rs.getObject(1, UUID.class);
                            Borrowed b = new Borrowed(rs.getDouble(2) * factor, rs.getBoolean(3));
                            borrowed.merge(
                                    competency,
                                    b,
                                    (x, y) -> new Borrowed(
                                            Math.max(x.weight(), y.weight()), x.essential() || y.essential()));
                        },
                        m.esco());
            }
            borrowed.forEach((competency, b) -> rows.add(
                    new Object[] {occupation, competency, Math.round(b.weight() * 10_000) / 10_000.0, b.essential()}));
        });
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(
                    "insert into skill_requirement (occupation_id, competency_id, source, weight, essential)"
                            + " values (?, ?, 'crosswalk', ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        log.info(
                "Crosswalk requirements: {} for {} O*NET occupations without ratings",
                rows.size(),
                byOccupation.size());
        return byOccupation.size();
    }

    private Optional<UUID> newest(String where, String value) {
        return jdbc
                .query(
                        "select id from skill_framework where " + where + " order by imported_at desc limit 1",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        value)
                .stream()
                .findFirst();
    }
}
