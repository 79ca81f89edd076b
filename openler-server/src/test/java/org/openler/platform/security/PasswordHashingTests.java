package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id at Spring Security 5.8's cost (16 MiB, 2 passes) everywhere but in the test
 * profile, which lowers the cost for speed; a hash made at either cost is checked with its own parameters.
 */
class PasswordHashingTests {

    @Test
    void theDefaultCostIsArgon2idWith16MibAndTwoPasses() {
        String hash = SecurityConfiguration.argon2(
                        SecurityConfiguration.ARGON2_MEMORY_KIB, SecurityConfiguration.ARGON2_ITERATIONS)
                .encode("correct horse battery");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
    }

    @Test
    void noProfileThatShipsLowersTheCost() throws IOException {
        for (String file : List.of("application.yml", "application-demo.yml", "application-prod.yml")) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                assertThat(source.getProperty("openler.security.password-hash.memory-kib"))
                        .as(file)
                        .isNull();
                assertThat(source.getProperty("openler.security.password-hash.iterations"))
                        .as(file)
                        .isNull();
            }
        }
    }

    @Test
    void aHashMadeAtOneCostIsCheckedWithItsOwnParametersAtAnother() {
        PasswordEncoder production = SecurityConfiguration.argon2(
                SecurityConfiguration.ARGON2_MEMORY_KIB, SecurityConfiguration.ARGON2_ITERATIONS);
        PasswordEncoder cheap = SecurityConfiguration.argon2(1024, 1);
        String made = cheap.encode("correct horse battery");
        assertThat(made).contains("$m=1024,t=1,p=1$");
        assertThat(production.matches("correct horse battery", made)).isTrue();
        assertThat(production.matches("wrong horse battery", made)).isFalse();
        assertThat(cheap.matches("correct horse battery", production.encode("correct horse battery")))
                .isTrue();
    }
}
