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

    Occupations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The occupation with this source URI in the newest framework version that has it. */
    public Optional<Occupation> byUri(URI uri) {
        return jdbc.sql(SELECT + "where o.uri = ? order by f.imported_at desc limit 1")
                .param(uri.toString())
                .query(Occupations::map)
                .optional()
                .map(this::withTitles);
    }

    public Optional<Occupation> byCode(FrameworkId framework, String code) {
        return jdbc.sql(SELECT + "where o.framework_id = ? and o.code = ?")
                .param(framework.value())
                .param(code)
                .query(Occupations::map)
                .optional()
                .map(this::withTitles);
    }

    public Optional<Occupation> byId(OccupationId id) {
        return jdbc.sql(SELECT + "where o.id = ?")
                .param(id.value())
                .query(Occupations::map)
                .optional()
                .map(this::withTitles);
    }

    /** One page of a framework's occupations, by title (alternative titles not filled in). */
    public List<Occupation> page(FrameworkId framework, int offset, int limit) {
        return jdbc.sql(SELECT
                        + "where o.framework_id = ? order by o.title, o.code offset ? rows fetch next ? rows only")
                .param(framework.value())
                .param(offset)
                .param(limit)
                .query(Occupations::map)
                .list();
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
        return jdbc.sql(SELECT + "join skill_occupation_related r on r.related_id = o.id where r.occupation_id = ?"
                        + " order by r.position, o.title")
                .param(occupation.value())
                .query(Occupations::map)
                .list();
    }

    /** Occupations that require a competency, heaviest requirement first. */
    public List<Occupation> requiring(CompetencyId competency, int limit) {
        return jdbc.sql(SELECT + "join skill_requirement r on r.occupation_id = o.id where r.competency_id = ?"
                        + " order by r.weight desc, o.title fetch first ? rows only")
                .param(competency.value())
                .param(limit)
                .query(Occupations::map)
                .list();
    }

    public int count(FrameworkId framework) {
        return jdbc.sql("select count(*) from skill_occupation where framework_id = ?")
                .param(framework.value())
                .query(Integer.class)
                .single();
    }

    private Occupation withTitles(Occupation o) {
        List<String> titles = jdbc.sql(
                        "select label from skill_occupation_label where occupation_id = ? order by label")
                .param(o.id())
                .query(String.class)
                .list();
        return new Occupation(
                o.id(), o.framework(), o.uri(), o.code(), o.title(), o.description(), o.jobZone(), titles);
    }

    static Occupation map(ResultSet rs, int row) throws SQLException {
        String description = rs.getString("description");
        return new Occupation(
                rs.getObject("id", UUID.class),
                new FrameworkRef(
                        new FrameworkId(rs.getObject("fid", UUID.class)),
                        rs.getString("slug"),
                        rs.getString("version")),
                URI.create(rs.getString("uri")),
                rs.getString("code"),
                rs.getString("title"),
                description == null ? "" : description,
                rs.getInt("job_zone"),
                List.of());
    }
}
