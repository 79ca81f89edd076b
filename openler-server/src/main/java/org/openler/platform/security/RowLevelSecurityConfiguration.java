package org.openler.platform.security;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires PostgreSQL row-level security for learners' own records: the scoped data source and the scope filter. */
@Configuration(proxyBeanMethods = false)
class RowLevelSecurityConfiguration {

    @Bean
    static BeanPostProcessor learnerScopedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof LearnerScopedDataSource)
                        ? new LearnerScopedDataSource(dataSource)
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<LearnerScopeFilter> learnerScopeFilter() {
        FilterRegistrationBean<LearnerScopeFilter> registration =
                new FilterRegistrationBean<>(new LearnerScopeFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
