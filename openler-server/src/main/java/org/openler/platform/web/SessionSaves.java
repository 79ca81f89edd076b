package org.openler.platform.web;

import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session is saved after the handler has answered: on every request its last access time is written. When the
 * database fails at that moment, the handler's own transaction has already committed; turning its answer into a 503
 * would tell the client that a write which happened did not, and the retry would write it twice (found by
 * InjectedFaultTrial: 36 shares for 30 acknowledged). So a transient failure of that save is logged and the answer
 * stands; the session keeps what the database last held (at worst an older access time, or, at a sign-in, a session
 * that is not signed in and asks again). Any other failure still propagates.
 */
@Configuration(proxyBeanMethods = false)
class SessionSaves {

    private static final Logger log = LoggerFactory.getLogger(SessionSaves.class);

    @Bean
    static BeanPostProcessor tolerantSessionSaves() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                MethodInterceptor tolerant = invocation -> {
                    if (!invocation.getMethod().getName().equals("save")) {
                        return invocation.proceed();
                    }
                    try {
                        return invocation.proceed();
                    } catch (RuntimeException e) {
                        if (!TransientFailures.isTransient(e)) {
                            throw e;
                        }
                        log.warn(
                                "The session could not be saved after the answer ({}); the answer stands",
                                e.toString());
                        return null;
                    }
                };
                ProxyFactory factory = new ProxyFactory(bean);
                factory.setProxyTargetClass(true);
                factory.addAdvice(tolerant);
                return factory.getProxy();
            }
        };
    }
}
