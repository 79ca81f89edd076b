package org.openler.platform.skills;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The skills feature's readers over a plain connection, for benchmarks outside Spring. */
public final class BenchmarkOntology {

    private BenchmarkOntology() {}

    public static Occupations occupations(JdbcClient jdbc) {
        return new Occupations(jdbc);
    }

    public static Competencies competencies(JdbcClient jdbc, JdbcTemplate template) {
        return new Competencies(jdbc, template);
    }
}
