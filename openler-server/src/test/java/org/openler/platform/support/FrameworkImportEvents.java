package org.openler.platform.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openler.platform.skills.FrameworkImported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records each {@link FrameworkImported} event with what a new transaction sees of the framework at that moment
 * ("slug version competencies"). Part of every {@link PlatformTest} context, so that the test that reads it
 * (FrameworkVersionsIT) shares the suite's application context instead of starting one of its own; a test compares
 * what it sees before and after its own imports.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FrameworkImportEvents {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @EventListener
    void on(FrameworkImported event) {
        int visible = jdbc.sql("select count(*) from skill_competency where framework_id = ?")
                .param(event.frameworkId().value())
                .query(Integer.class)
                .single();
        seen.add(event.slug() + " " + event.version() + " " + visible);
    }

    /** Every event recorded so far, oldest first. */
    public List<String> seen() {
        return List.copyOf(seen);
    }
}
