package org.openler.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionProfileTests {

    @Test
    void productionRefusesAnEmbeddedH2DatabaseAndSaysWhy() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("openler.production", "true")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/openler;MODE=PostgreSQL");

        assertThatThrownBy(() -> PlatformConfiguration.EmbeddedDatabaseGuard.check(environment))
                .hasMessageContaining("PostgreSQL only")
                .hasMessageContaining("jdbc:h2:file:./data/openler")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void productionRefusesToFallBackToAnEmbeddedDatabaseWhenNoneIsConfigured() {
        MockEnvironment environment = new MockEnvironment().withProperty("openler.production", "true");

        assertThatThrownBy(() -> PlatformConfiguration.EmbeddedDatabaseGuard.check(environment))
                .hasMessageContaining("not set");
    }

    @Test
    void productionAcceptsPostgreSql() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("openler.production", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/openler");

        assertThatCode(() -> PlatformConfiguration.EmbeddedDatabaseGuard.check(environment))
                .doesNotThrowAnyException();
    }

    @Test
    void theProdProfileStopsTheWholeApplicationBeforeItTouchesH2() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OpenLerApplication.class)
                        .profiles("prod")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:prod-guard",
                                "--openler.security.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
                .hasStackTraceContaining("The prod profile runs on PostgreSQL only");
    }
}
