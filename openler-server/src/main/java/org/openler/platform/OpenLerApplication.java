package org.openler.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The OpenLER platform: one server for learners, education and training providers, and employers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpenLerApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenLerApplication.class, args);
    }
}
