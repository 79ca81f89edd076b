package org.openler.platform.skills.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openler.skills.suggest.VectorStore;
import org.openler.skills.suggest.Vectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vectors in {@code skill_text_vector}, shared by every instance. A concept's key is its competency id. Writes are
 * idempotent ({@code on conflict do nothing}): two instances computing the same batch leave one row per text.
 */
final class JdbcVectorStore implements VectorStore {

    private final JdbcTemplate jdbc;

    JdbcVectorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<TextKey, float[]> find(String modelId, Collection<TextKey> keys) {
        Set<TextKey> wanted = keys instanceof Set<TextKey> set ? set : new HashSet<>(keys);
        Map<TextKey, float[]> found = new HashMap<>();
        // one pass over the model's rows: cheaper than 100,000 key lookups, and the catalogue wants nearly all
        jdbc.query(
                "select competency_id, text_hash, vector from skill_text_vector where model = ?",
                rs -> {
                    TextKey key = new TextKey(rs.getObject(1, UUID.class).toString(), rs.getString(2));
                    if (wanted.contains(key)) {
                        found.put(key, Vectors.fromBytes(rs.getBytes(3)));
                    }
                },
                modelId);
        return found;
    }

    @Override
    public void save(String modelId, Map<TextKey, float[]> vectors) {
        List<Object[]> rows = new ArrayList<>(vectors.size());
        vectors.forEach((key, vector) -> rows.add(
                new Object[] {UUID.fromString(key.concept()), modelId, key.textHash(), Vectors.toBytes(vector)}));
        jdbc.batchUpdate(
                "insert into skill_text_vector (competency_id, model, text_hash, vector) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                rows);
    }

    /** How many vectors of the model are stored. */
    int count(String modelId) {
        Integer n =
                jdbc.queryForObject("select count(*) from skill_text_vector where model = ?", Integer.class, modelId);
        return n == null ? 0 : n;
    }
}
