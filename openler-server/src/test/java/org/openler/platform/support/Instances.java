package org.openler.platform.support;

import org.openler.platform.OpenLerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Whole platform instances started by a test, on random ports, on the test database: as behind a load balancer. */
public final class Instances {

    private Instances() {}

    public static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SpringApplicationBuilder(OpenLerApplication.class, TestDatabase.class)
                .profiles("test")
                .run(all);
    }

    public static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getBean(Environment.class).getProperty("local.server.port");
    }

    /** Closes the instances that were started (in reverse order); tolerates ones that never started. */
    public static void stop(ConfigurableApplicationContext... contexts) {
        for (int i = contexts.length - 1; i >= 0; i--) {
            if (contexts[i] != null) {
                contexts[i].close();
            }
        }
    }
}
