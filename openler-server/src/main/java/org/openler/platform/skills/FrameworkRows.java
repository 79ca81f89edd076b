package org.openler.platform.skills;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads that competencies and occupations share: one row of a framework's concepts by a condition (with its
 * alternative labels filled in), a list of rows by a condition, and a framework's count. The select names the columns,
 * the condition and its positional parameters follow it; {@code alias} is the concept table's alias in the select.
 */
final class FrameworkRows<T> {

    private final JdbcClient jdbc;
    private final String select;
    private final String alias;
    private final String table;
    private final RowMapper<T> map;
    private final UnaryOperator<T> withLabels;

    FrameworkRows(
            JdbcClient jdbc, String select, String alias, String table, RowMapper<T> map, UnaryOperator<T> withLabels) {
        this.jdbc = jdbc;
        this.select = select;
        this.alias = alias;
        this.table = table;
        this.map = map;
        this.withLabels = withLabels;
    }

    /** The one row the condition names, with its alternative labels. */
    Optional<T> one(String condition, Object... params) {
        return jdbc.sql(select + condition).params(params).query(map).optional().map(withLabels);
    }

    /** The rows the condition names, in its order (alternative labels not filled in). */
    List<T> list(String condition, Object... params) {
        return jdbc.sql(select + condition).params(params).query(map).list();
    }

    /** One page of a framework's rows, in the order given (alternative labels not filled in). */
    List<T> page(FrameworkId framework, String order, int offset, int limit) {
        return list(
                "where " + alias + ".framework_id = ? order by " + order + " offset ? rows fetch next ? rows only",
                framework.value(),
                offset,
                limit);
    }

    int count(FrameworkId framework) {
        return jdbc.sql("select count(*) from " + table + " where framework_id = ?")
                .param(framework.value())
                .query(Integer.class)
                .single();
    }

    /** The alternative labels of one row, alphabetically. */
    List<String> labels(String labelTable, String idColumn, UUID id) {
        return jdbc.sql("select label from " + labelTable + " where " + idColumn + " = ? order by label")
                .param(id)
                .query(String.class)
                .list();
    }

    /** The framework version a row belongs to, from the {@code fid}, {@code slug} and {@code version} columns. */
    static FrameworkRef framework(ResultSet rs) throws SQLException {
        return new FrameworkRef(
                new FrameworkId(rs.getObject("fid", UUID.class)), rs.getString("slug"), rs.getString("version"));
    }
}
