package org.openler.platform.resilience;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuers.IssuerKeys;
import org.openler.platform.kernel.TemporarilyUnavailable;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Injected faults, armed only while a test says so: a share {@link #RATE} of database connections is doomed (it fails
 * at a random one of its first statements, or at its commit if it gets there first — the commit then does not
 * happen), and the same share of calls for an issuer's signing key fails, as an unreachable key store would. The
 * real beans are wrapped, not mocked: everything else is the real database and the real code.
 */
@TestConfiguration(proxyBeanMethods = false)
class Faults {

    static final double RATE = 0.2;
    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicLong DATABASE_FAULTS = new AtomicLong();
    static final AtomicLong SIGNER_FAULTS = new AtomicLong();

    static boolean strike() {
        return ARMED.get() && ThreadLocalRandom.current().nextDouble() < RATE;
    }

    @Bean
    static BeanPostProcessor injectFaults() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
                    return faultyDataSource(dataSource);
                }
                if (bean instanceof IssuerKeys) {
                    return faultySigner(bean);
                }
                return bean;
            }
        };
    }

    private static Object faultySigner(Object keys) {
        MethodInterceptor fault = invocation -> {
            if (invocation.getMethod().getName().equals("signingKey") && strike()) {
                SIGNER_FAULTS.incrementAndGet();
                throw new TemporarilyUnavailable("Injected fault: the key store did not answer");
            }
            return invocation.proceed();
        };
        if (keys instanceof Advised advised) {
            advised.addAdvice(0, fault);
            return keys;
        }
        ProxyFactory factory = new ProxyFactory(keys);
        factory.setProxyTargetClass(true);
        factory.addAdvice(fault);
        return factory.getProxy();
    }

    static DataSource faultyDataSource(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(
                Faults.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = call(real, method, args);
                    if (method.getName().equals("getConnection") && strike()) {
                        return doomed(
                                (Connection) result,
                                1 + ThreadLocalRandom.current().nextInt(6));
                    }
                    return result;
                });
    }

    /** A connection that fails at its {@code failAt}-th statement, or at its commit. */
    private static Connection doomed(Connection real, int failAt) {
        int[] executed = {0};
        boolean[] failed = {false};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") && !failed[0]) {
                failed[0] = true;
                throw fault("commit");
            }
            Object result = call(real, method, args);
            if (result instanceof Statement statement
                    && (name.equals("prepareStatement")
                            || name.equals("createStatement")
                            || name.equals("prepareCall"))) {
                return statement(statement, () -> {
                    if (!failed[0] && ++executed[0] >= failAt) {
                        failed[0] = true;
                        return true;
                    }
                    return false;
                });
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(Faults.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Statement statement(Statement real, java.util.function.BooleanSupplier failNow) {
        Class<?>[] interfaces = real instanceof java.sql.CallableStatement
                ? new Class<?>[] {java.sql.CallableStatement.class}
                : real instanceof java.sql.PreparedStatement
                        ? new Class<?>[] {java.sql.PreparedStatement.class}
                        : new Class<?>[] {Statement.class};
        return (Statement) Proxy.newProxyInstance(Faults.class.getClassLoader(), interfaces, (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && failNow.getAsBoolean()) {
                throw fault(method.getName());
            }
            return call(real, method, args);
        });
    }

    private static SQLTransientConnectionException fault(String where) {
        DATABASE_FAULTS.incrementAndGet();
        return new SQLTransientConnectionException("Injected fault at " + where, "08006");
    }

    private static @Nullable Object call(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
