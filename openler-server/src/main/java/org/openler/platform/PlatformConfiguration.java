package org.openler.platform;

import java.time.Clock;
import java.util.Objects;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    static EmbeddedDatabaseGuard embeddedDatabaseGuard() {
        return new EmbeddedDatabaseGuard();
    }

    /**
     * Production refuses the embedded database, before any bean touches it: H2 is for trying OpenLER on one machine;
     * PostgreSQL is the system of record (backups, row-level security, several instances sharing one database).
     */
    static final class EmbeddedDatabaseGuard implements BeanFactoryPostProcessor, EnvironmentAware {

        private @org.jspecify.annotations.Nullable Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            check(Objects.requireNonNull(environment));
        }

        static void check(Environment environment) {
            if (!environment.getProperty("openler.production", Boolean.class, false)) {
                return;
            }
            String url = environment.getProperty("spring.datasource.url", "");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException(
                        "The prod profile runs on PostgreSQL only, but spring.datasource.url is '"
                                + (url.isEmpty()
                                        ? "(not set: that would be an embedded H2 database)"
                                        : url.replaceAll(";.*", ""))
                                + "'. Set SPRING_DATASOURCE_URL=jdbc:postgresql://<host>:5432/<db> with its user and password."
                                + " The embedded H2 database is only for ./openler demo.");
            }
        }
    }
}
