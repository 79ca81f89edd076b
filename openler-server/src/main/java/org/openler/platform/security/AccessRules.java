package org.openler.platform.security;

import org.openler.platform.kernel.Access;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** The public face of route access control: the interceptor that enforces {@link Access} on every handler. */
@Component
public class AccessRules {

    private final AccessInterceptor interceptor;

    AccessRules(AccessInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    public HandlerInterceptor interceptor() {
        return interceptor;
    }
}
