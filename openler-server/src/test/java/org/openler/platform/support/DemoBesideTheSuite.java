package org.openler.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A class that runs the demo on H2 (in the test JVM or as a child process, on a folder and a port of its own) and never
 * touches the PostgreSQL test database: it runs on a second thread beside the PostgreSQL classes, which stay one after
 * another on the first (failsafe's {@code junit.jupiter.execution.parallel} settings in openler-server/pom.xml). Such
 * classes run one at a time among themselves (a first demo start loads the whole bundled ontology; two at once beside
 * the suite would be three loads on two cores), and the shared lock also keeps each class's own methods on one thread,
 * in their order.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(DemoBesideTheSuite.LOCK)
public @interface DemoBesideTheSuite {

    String LOCK = "openler-demo";
}
