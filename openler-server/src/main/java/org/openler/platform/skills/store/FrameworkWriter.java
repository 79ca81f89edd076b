package org.openler.platform.skills.store;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.skills.FrameworkId;
import org.openler.skills.sources.Concept;
import org.openler.skills.sources.FrameworkData;
import org.openler.skills.sources.FrameworkInfo;
import org.openler.skills.sources.Link;
import org.openler.skills.sources.Need;
import org.openler.skills.sources.OccupationEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * Writes one framework version, in the caller's transaction, with JDBC batches. A version already stored with the
 * same content hash is left as it is (a re-import changes nothing); the same slug and version with other content is
 * refused, since a new version goes beside the old one, never over it. References the source makes to URIs it does
 * not define (a broader concept, a skill of an occupation) are resolved within the framework, or else to a competency
 * of another stored framework; what resolves nowhere is counted and skipped.
 */
@Repository
public class FrameworkWriter {

    private static final Logger log = LoggerFactory.getLogger(FrameworkWriter.class);
    private static final int ROWS = 500;
    // typed nulls: without a type, Spring asks the driver for parameter metadata on every null (a round trip)
    private static final SqlParameterValue NO_TEXT = new SqlParameterValue(Types.VARCHAR, null);
    private static final SqlParameterValue NO_NUMBER = new SqlParameterValue(Types.SMALLINT, null);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FrameworkWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored version with this slug and version, and its content hash. */
    public Optional<Stored> find(String slug, String version) {
        return jdbc
                .query(
                        "select id, content_sha256 from skill_framework where slug = ? and version = ?",
                        (rs, n) -> new Stored(new FrameworkId(rs.getObject(1, UUID.class)), rs.getString(2)),
                        slug,
                        version)
                .stream()
                .findFirst();
    }

    public record Stored(FrameworkId id, String contentSha256) {}

    /** Stores a new version; the caller has checked that none with this slug and version exists. */
    public FrameworkId write(FrameworkData data) {
        FrameworkInfo info = data.info();
        Optional<Stored> existing = find(info.slug(), info.version());
        if (existing.isPresent()) {
            throw new PlatformException(
                    Problem.CONFLICT,
                    "The framework " + info.slug() + " " + info.version()
                            + " is already stored with other content. Give the new content a new version.");
        }
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into skill_framework (id, slug, version, name, publisher, licence, attribution, source, format,"
                        + " uri, description, content_sha256, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                info.slug(),
                info.version(),
                info.name(),
                info.publisher(),
                info.licence(),
                info.attribution(),
                info.source(),
                info.format(),
                info.uri(),
                info.description().isBlank() ? null : info.description(),
                info.contentSha256(),
                Timestamp.from(clock.instant()));

        Map<String, @Nullable UUID> concepts = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> labels = new ArrayList<>();
        for (Concept c : data.concepts()) {
            UUID cid = UUID.randomUUID();
            concepts.put(c.uri(), cid);
            rows.add(new Object[] {
                cid, id, c.uri(), c.code(), c.kind(), c.label(), c.description().isEmpty() ? NO_TEXT : c.description()
            });
            for (String label : c.altLabels()) {
                labels.add(new Object[] {cid, label});
            }
        }
        batch(
                "insert into skill_competency (id, framework_id, uri, code, kind, label, description)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                rows);
        batch("insert into skill_competency_label (competency_id, label) values (?, ?)", labels);

        int unresolved = 0;
        Set<String> pairs = new HashSet<>();
        rows = new ArrayList<>();
        for (Link link : data.broader()) {
            UUID narrower = concepts.get(link.fromUri());
            UUID broader = resolveCompetency(concepts, link.toUri());
            if (narrower == null || broader == null || narrower.equals(broader)) {
                unresolved++;
            } else if (pairs.add(narrower + " " + broader)) {
                rows.add(new Object[] {narrower, broader});
            }
        }
        batch("insert into skill_competency_broader (competency_id, broader_id) values (?, ?)", rows);

        Map<String, UUID> occupations = new HashMap<>();
        rows = new ArrayList<>();
        labels = new ArrayList<>();
        for (OccupationEntry o : data.occupations()) {
            UUID oid = UUID.randomUUID();
            occupations.put(o.uri(), oid);
            rows.add(new Object[] {
                oid,
                id,
                o.uri(),
                o.code(),
                o.title(),
                o.description().isEmpty() ? NO_TEXT : o.description(),
                o.jobZone() == 0 ? NO_NUMBER : o.jobZone()
            });
            for (String title : o.altTitles()) {
                labels.add(new Object[] {oid, title});
            }
        }
        batch(
                "insert into skill_occupation (id, framework_id, uri, code, title, description, job_zone)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                rows);
        batch("insert into skill_occupation_label (occupation_id, label) values (?, ?)", labels);

        pairs.clear();
        rows = new ArrayList<>();
        for (Link link : data.related()) {
            UUID from = occupations.get(link.fromUri());
            UUID to = occupations.get(link.toUri());
            if (from == null || to == null || from.equals(to)) {
                unresolved++;
            } else if (pairs.add(from + " " + to)) {
                rows.add(new Object[] {from, to, link.relation(), link.position()});
            }
        }
        batch(
                "insert into skill_occupation_related (occupation_id, related_id, tier, position) values (?, ?, ?, ?)",
                rows);

        pairs.clear();
        rows = new ArrayList<>();
        for (Need need : data.requirements()) {
            UUID occupation = occupations.get(need.occupationUri());
            UUID competency = resolveCompetency(concepts, need.competencyUri());
            if (occupation == null || competency == null) {
                unresolved++;
            } else if (pairs.add(occupation + " " + competency + " " + need.source())) {
                rows.add(new Object[] {
                    occupation,
                    competency,
                    need.source(),
                    need.weight(),
                    need.proficiency() == 0 ? NO_NUMBER : need.proficiency(),
                    need.essential(),
                    need.hot(),
                    need.inDemand()
                });
            }
        }
        batch(
                "insert into skill_requirement (occupation_id, competency_id, source, weight, proficiency, essential,"
                        + " hot_technology, in_demand) values (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);

        pairs.clear();
        rows = new ArrayList<>();
        for (Link link : data.mappings()) {
            if (pairs.add(link.fromUri() + " " + link.toUri())) {
                rows.add(new Object[] {id, link.fromUri(), link.toUri(), link.relation()});
            }
        }
        batch(
                "insert into skill_crosswalk (framework_id, subject_uri, object_uri, relation) values (?, ?, ?, ?)",
                rows);

        jdbc.update(
                "update skill_framework set competencies = ?, occupations = ? where id = ?",
                data.concepts().size(),
                data.occupations().size(),
                id);
        if (unresolved > 0) {
            log.info(
                    "Framework {} {}: {} references to URIs it does not define were skipped",
                    info.slug(),
                    info.version(),
                    unresolved);
        }
        return new FrameworkId(id);
    }

    private @Nullable UUID resolveCompetency(Map<String, @Nullable UUID> own, String uri) {
        UUID id = own.get(uri);
        if (id != null || own.containsKey(uri)) {
            return id;
        }
        List<UUID> elsewhere = jdbc.query(
                "select c.id from skill_competency c join skill_framework f on f.id = c.framework_id"
                        + " where c.uri = ? order by f.imported_at desc limit 1",
                (rs, n) -> rs.getObject(1, UUID.class),
                uri);
        if (!elsewhere.isEmpty()) {
            own.put(uri, elsewhere.getFirst());
            return elsewhere.getFirst();
        }
        own.put(uri, null); // remembered as unknown: asked once
        return null;
    }

    /**
     * Inserts rows with multi-row {@code insert … values (…), (…)} statements of up to {@value #ROWS} rows, sent as JDBC
     * batches: one statement per few hundred rows instead of one per row, on PostgreSQL and H2 alike.
     */
    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int values = sql.indexOf(" values ");
        String head = sql.substring(0, values + 8);
        String tuple = sql.substring(values + 8).strip();
        int width = rows.getFirst().length;
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            StringBuilder statement = new StringBuilder(head);
            Object[] args = new Object[chunk.size() * width];
            for (int i = 0; i < chunk.size(); i++) {
                statement.append(i == 0 ? "" : ", ").append(tuple);
                System.arraycopy(chunk.get(i), 0, args, i * width, width);
            }
            jdbc.update(statement.toString(), args);
        }
    }
}
