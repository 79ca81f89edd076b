package org.openler.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole platform on a random port against the real PostgreSQL. One application context for every class so
 * annotated (Spring caches it per test JVM): what a single test needs besides is switched off until it asks
 * ({@link KeyStoreOutage}) or only observes ({@link FrameworkImportEvents}), rather than a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabase.class, KeyStoreOutage.class, FrameworkImportEvents.class})
public @interface PlatformTest {}
