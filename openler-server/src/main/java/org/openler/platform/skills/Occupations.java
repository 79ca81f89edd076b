package org.openler.platform.skills;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading occupations: by URI or code, their requirements ranked by weight, related occupations, who requires a skill. */
@Service
public class Occupations {

    private static final String SELECT = "select o.id, o.uri, o.code, o.title, o.description, o.job_zone, f.id as fid,"
            + " f.slug, f.version from skill_occupation o join skill_framework f on f.id = o.framework_id ";

    private final JdbcClient jdbc;
    private final FrameworkRows<Occupation> rows;

    Occupations(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new FrameworkRows<>(jdbc, SELECT, "o", "skill_occupation", Occupations::map, this::withTitles);
    }

    /** The occupation with this source URI in the newest framework version that has it. */
    public Optional<Occupation> byUri(URI uri) {
        return rows.one("where o.uri = ? order by f.imported_at desc limit 1", uri.toString());
    }

    public Optional<Occupation> byCode(FrameworkId framework, String code) {
        return rows.one("where o.framework_id = ? and o.code = ?", framework.value(), code);
    }

    public Optional<Occupation> byId(OccupationId id) {
        return rows.one("where o.id = ?", id.value());
    }

    /** One page of a framework's occupations, by title (alternative titles not filled in). */
    public List<Occupation> page(FrameworkId framework, int offset, int limit) {
        return rows.page(framework, "o.title, o.code", offset, limit);
    }

    /** Everything the occupation requires, heaviest first: its "competency DNA". */
    public List<Requirement> requirements(OccupationId occupation) {
        return jdbc.sql(
                        "select c.id, c.uri, c.code, c.label, c.kind, f.id as fid, f.slug, f.version, r.weight, r.proficiency,"
                                + " r.essential, r.source, r.hot_technology, r.in_demand from skill_requirement r"
                                + " join skill_competency c on c.id = r.competency_id"
                                + " join skill_framework f on f.id = c.framework_id where r.occupation_id = ?"
                                + " order by r.weight desc, r.essential desc, c.label")
                .param(occupation.value())
                .query((rs, n) -> new Requirement(
                        rs.getObject(1, UUID.class),
                        URI.create(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        new FrameworkRef(
                                new FrameworkId(rs.getObject(6, UUID.class)), rs.getString(7), rs.getString(8)),
                        rs.getDouble(9),
                        rs.getInt(10),
                        rs.getBoolean(11),
                        RequirementSource.of(rs.getString(12)),
                        rs.getBoolean(13),
                        rs.getBoolean(14)))
                .list();
    }

    /** Related occupations in the framework's order (O*NET's relatedness index). */
    public List<Occupation> related(OccupationId occupation) {
        return rows.list(
                "join skill_occupation_related r on r.related_id = o.id where r.occupation_id = ?"
                        + " order by r.position, o.title",
                occupation.value());
    }

    /** Occupations that require a competency, heaviest requirement first. */
    public List<Occupation> requiring(CompetencyId competency, int limit) {
        return rows.list(
                "join skill_requirement r on r.occupation_id = o.id where r.competency_id = ?"
                        + " order by r.weight desc, o.title fetch first ? rows only",
                competency.value(),
                limit);
    }

    public int count(FrameworkId framework) {
        return rows.count(framework);
    }

    private Occupation withTitles(Occupation o) {
        List<String> titles = rows.labels("skill_occupation_label", "occupation_id", o.id());
        return new Occupation(
                o.id(), o.framework(), o.uri(), o.code(), o.title(), o.description(), o.jobZone(), titles);
    }

    static Occupation map(ResultSet rs, int row) throws SQLException {
        String description = rs.getString("description");
        return new Occupation(
                rs.getObject("id", UUID.class),
                FrameworkRows.framework(rs),
                URI.create(rs.getString("uri")),
                rs.getString("code"),
                rs.getString("title"),
                description == null ? "" : description,
                rs.getInt("job_zone"),
                List.of());
    }
}
