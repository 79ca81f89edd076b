package org.openler.platform.skills;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading competencies: by URI, by code, a framework's page by page or all of them, their hierarchy and matches. */
@Service
public class Competencies {

    private static final String SELECT = "select c.id, c.uri, c.code, c.kind, c.label, c.description, f.id as fid,"
            + " f.slug, f.version from skill_competency c join skill_framework f on f.id = c.framework_id ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FrameworkRows<Competency> rows;

    Competencies(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.rows = new FrameworkRows<>(jdbc, SELECT, "c", "skill_competency", Competencies::map, this::withLabels);
    }

    /** The competency with this source URI in the newest framework version that has it. */
    public Optional<Competency> byUri(URI uri) {
        return rows.one("where c.uri = ? order by f.imported_at desc limit 1", uri.toString());
    }

    /**
     * The competencies with these source URIs, each in the newest framework version that has it (alternative labels
     * not filled in), in one query: what {@link #byUri(URI)} answers for each, for a list of them.
     */
    public Map<URI, Competency> byUris(Collection<URI> uris) {
        Map<URI, Competency> found = new HashMap<>();
        if (uris.isEmpty()) {
            return found;
        }
        rows.list("where c.uri = any(?) order by c.uri, f.imported_at desc", (Object)
                        uris.stream().map(URI::toString).distinct().toArray(String[]::new))
                .forEach(c -> found.putIfAbsent(c.uri(), c));
        return found;
    }

    /** The competency with this source URI in one framework version. */
    public Optional<Competency> byUri(FrameworkId framework, URI uri) {
        return rows.one("where c.framework_id = ? and c.uri = ?", framework.value(), uri.toString());
    }

    public Optional<Competency> byCode(FrameworkId framework, String code) {
        return rows.one("where c.framework_id = ? and c.code = ?", framework.value(), code);
    }

    public Optional<Competency> byId(CompetencyId id) {
        return rows.one("where c.id = ?", id.value());
    }

    /** One page of a framework's competencies, ordered by label (alternative labels not filled in). */
    public List<Competency> page(FrameworkId framework, int offset, int limit) {
        return rows.page(framework, "c.label, c.code", offset, limit);
    }

    /**
     * Every competency of a framework version with its alternative labels, handed over one at a time in code order
     * in one read-only transaction (ESCO's 14,500 with 100,000 labels stream without a second query per competency).
     */
    @Transactional(readOnly = true)
    public void forEach(FrameworkId framework, Consumer<Competency> each) {
        Map<UUID, List<String>> labels = new HashMap<>();
        template.query(
                "select l.competency_id, l.label from skill_competency_label l join skill_competency c"
                        + " on c.id = l.competency_id where c.framework_id = ?",
                rs -> {
                    labels.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                framework.value());
        template.query(
                SELECT + "where c.framework_id = ? order by c.code",
                rs -> {
                    Competency c = map(rs, 0);
                    each.accept(new Competency(
                            c.id(),
                            c.framework(),
                            c.uri(),
                            c.code(),
                            c.kind(),
                            c.label(),
                            c.description(),
                            labels.getOrDefault(c.id(), List.of())));
                },
                framework.value());
    }

    /** Every competency of a framework version, as {@link #forEach} hands them over. */
    public List<Competency> all(FrameworkId framework) {
        List<Competency> all = new ArrayList<>();
        forEach(framework, all::add);
        return all;
    }

    public List<Competency> broader(CompetencyId competency) {
        return rows.list(
                "join skill_competency_broader b on b.broader_id = c.id where b.competency_id = ? order by c.label",
                competency.value());
    }

    public List<Competency> narrower(CompetencyId competency, int limit) {
        return rows.list(
                "join skill_competency_broader b on b.competency_id = c.id where b.broader_id = ?"
                        + " order by c.label fetch first ? rows only",
                competency.value(),
                limit);
    }

    /** SKOS matches stated about a URI, in either direction, with the other side's label where it is stored. */
    public List<Match> matches(URI uri) {
        String u = uri.toString();
        return jdbc.sql("select x.object_uri as other, x.relation, f.slug || ' ' || f.version as crosswalk"
                        + " from skill_crosswalk x join skill_framework f on f.id = x.framework_id where x.subject_uri = ?"
                        + " union select x.subject_uri, case x.relation when 'broad' then 'narrow'"
                        + " when 'narrow' then 'broad' else x.relation end, f.slug || ' ' || f.version"
                        + " from skill_crosswalk x join skill_framework f on f.id = x.framework_id where x.object_uri = ?"
                        + " order by 2, 1")
                .param(u)
                .param(u)
                .query((rs, n) -> new Match(
                        URI.create(rs.getString(1)), rs.getString(2), labelOf(rs.getString(1)), rs.getString(3)))
                .list();
    }

    private String labelOf(String uri) {
        return jdbc.sql("select label from skill_competency where uri = ? union all select title from skill_occupation"
                        + " where uri = ? fetch first 1 rows only")
                .param(uri)
                .param(uri)
                .query(String.class)
                .optional()
                .orElse("");
    }

    public int count(FrameworkId framework) {
        return rows.count(framework);
    }

    private Competency withLabels(Competency c) {
        List<String> labels = rows.labels("skill_competency_label", "competency_id", c.id());
        return new Competency(c.id(), c.framework(), c.uri(), c.code(), c.kind(), c.label(), c.description(), labels);
    }

    static Competency map(ResultSet rs, int row) throws SQLException {
        String description = rs.getString("description");
        return new Competency(
                rs.getObject("id", UUID.class),
                FrameworkRows.framework(rs),
                URI.create(rs.getString("uri")),
                rs.getString("code"),
                rs.getString("kind"),
                rs.getString("label"),
                description == null ? "" : description,
                List.of());
    }
}
