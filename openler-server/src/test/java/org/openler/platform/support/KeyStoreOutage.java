package org.openler.platform.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.aopalliance.intercept.MethodInterceptor;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.kernel.TemporarilyUnavailable;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real issuer keys, failing to load a signing key while a test says the key store is down ({@link #DOWN}), as a
 * key store that does not answer would. Off unless a test sets it, and part of every {@link PlatformTest} context: the
 * test that uses it (SignerUnavailableIT) then shares the suite's application context instead of starting one of its
 * own, about ten seconds of the default suite (docs/resilience.md).
 */
@TestConfiguration(proxyBeanMethods = false)
public class KeyStoreOutage {

    public static final AtomicBoolean DOWN = new AtomicBoolean();

    @Bean
    static BeanPostProcessor keyStoreThatCanBeDown() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof IssuerKeys)) {
                    return bean;
                }
                MethodInterceptor down = invocation -> {
                    if (invocation.getMethod().getName().equals("signingKey") && DOWN.get()) {
                        throw new TemporarilyUnavailable("the key store did not answer");
                    }
                    return invocation.proceed();
                };
                if (bean instanceof Advised advised) {
                    advised.addAdvice(0, down);
                    return bean;
                }
                ProxyFactory factory = new ProxyFactory(bean);
                factory.setProxyTargetClass(true);
                factory.addAdvice(down);
                return factory.getProxy();
            }
        };
    }
}
