package org.openler.platform.demo;

import java.util.Optional;
import org.springframework.context.ApplicationContext;

/** For browser tests outside this package: the link token of the demo share made at this start, if one was made. */
public final class DemoShareLinks {

    private DemoShareLinks() {}

    public static Optional<String> token(ApplicationContext demo) {
        return demo.getBean(DemoShares.class).token();
    }

    /** The demo job the demo share is aimed at. */
    public static String job() {
        return DemoShares.JOB;
    }
}
