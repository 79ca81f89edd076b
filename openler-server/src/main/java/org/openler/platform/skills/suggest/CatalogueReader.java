package org.openler.platform.skills.suggest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openler.skills.suggest.Catalogue;
import org.openler.skills.suggest.Concept;
import org.openler.skills.suggest.ConceptKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's catalogue from the ontology tables: every competency and occupation of the newest version of each
 * framework, with alternative labels. Keys are competency and occupation ids.
 */
final class CatalogueReader {

    /** The newest version of each framework: what suggestions and search rank. */
    private static final String NEWEST = "select f.id, f.slug from skill_framework f where f.imported_at ="
            + " (select max(g.imported_at) from skill_framework g where g.slug = f.slug) order by f.slug";

    private final JdbcTemplate jdbc;

    CatalogueReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Identifies the frameworks on record: when it changes, the catalogue is read again. */
    String fingerprint() {
        List<String> rows = jdbc.query(
                "select id, imported_at from skill_framework order by id",
                (rs, n) -> rs.getString(1) + "@" + rs.getString(2));
        return String.join(",", rows);
    }

    Catalogue read() {
        List<Concept> concepts = new ArrayList<>();
        jdbc.query(NEWEST, rs -> {
            UUID framework = rs.getObject(1, UUID.class);
            String slug = rs.getString(2);
            concepts.addAll(read(framework, slug, ConceptKind.COMPETENCY));
            concepts.addAll(read(framework, slug, ConceptKind.OCCUPATION));
        });
        return new Catalogue(concepts);
    }

    private List<Concept> read(UUID framework, String slug, ConceptKind kind) {
        boolean competency = kind == ConceptKind.COMPETENCY;
        String table = competency ? "skill_competency" : "skill_occupation";
        String labels = competency ? "skill_competency_label" : "skill_occupation_label";
        String owner = competency ? "competency_id" : "occupation_id";
        String label = competency ? "label" : "title";
        Map<UUID, List<String>> alternatives = new HashMap<>();
        jdbc.query(
                "select l." + owner + ", l.label from " + labels + " l join " + table + " c on c.id = l." + owner
                        + " where c.framework_id = ? order by l.label",
                rs -> {
                    alternatives
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                framework);
        List<Concept> concepts = new ArrayList<>();
        jdbc.query(
                "select c.id, c.uri, c." + label + ", c.description from " + table + " c where c.framework_id = ?"
                        + " order by c.code",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String description = rs.getString(4);
                    if (rs.getString(3).isBlank()) {
                        return; // nothing to rank it by
                    }
                    concepts.add(new Concept(
                            id.toString(),
                            URI.create(rs.getString(2)),
                            slug,
                            rs.getString(3),
                            alternatives.getOrDefault(id, List.of()),
                            description == null ? "" : description,
                            kind));
                },
                framework);
        return concepts;
    }
}
