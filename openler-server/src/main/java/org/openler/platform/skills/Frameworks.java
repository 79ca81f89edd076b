package org.openler.platform.skills;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The stored framework versions. */
@Service
public class Frameworks {

    static final String COLUMNS = "id, slug, version, name, publisher, licence, attribution, source, format, uri,"
            + " description, content_sha256, imported_at, competencies, occupations";

    private final JdbcClient jdbc;

    Frameworks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored version, by slug, newest import first within a slug. */
    public List<Framework> all() {
        return jdbc.sql("select " + COLUMNS + " from skill_framework order by slug, imported_at desc")
                .query(Frameworks::map)
                .list();
    }

    public Optional<Framework> find(FrameworkId id) {
        return jdbc.sql("select " + COLUMNS + " from skill_framework where id = ?")
                .param(id.value())
                .query(Frameworks::map)
                .optional();
    }

    public Optional<Framework> find(String slug, String version) {
        return jdbc.sql("select " + COLUMNS + " from skill_framework where slug = ? and version = ?")
                .param(slug)
                .param(version)
                .query(Frameworks::map)
                .optional();
    }

    /** The most recently imported version of a framework. */
    public Optional<Framework> newest(String slug) {
        return jdbc.sql("select " + COLUMNS + " from skill_framework where slug = ? order by imported_at desc limit 1")
                .param(slug)
                .query(Frameworks::map)
                .optional();
    }

    static Framework map(ResultSet rs, int row) throws SQLException {
        String description = rs.getString("description");
        return new Framework(
                new FrameworkId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("version"),
                rs.getString("name"),
                rs.getString("publisher"),
                rs.getString("licence"),
                rs.getString("attribution"),
                rs.getString("source"),
                rs.getString("format"),
                URI.create(rs.getString("uri")),
                description == null ? "" : description,
                rs.getString("content_sha256"),
                rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("competencies"),
                rs.getInt("occupations"));
    }
}
