package org.crmkit.spring.boot;

import org.crmkit.core.spi.CrmPersistence;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code crmkit} health indicator ({@link CrmHealthIndicator}), configured only when the application has Spring
 * Boot's health support ({@code spring-boot-health}, which the actuator brings) and a {@link CrmPersistence} bean;
 * {@code management.health.crmkit.enabled=false} switches it off.
 */
@AutoConfiguration(after = CrmAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(CrmPersistence.class)
public class CrmHealthAutoConfiguration {

    /** Created by Spring Boot. */
    public CrmHealthAutoConfiguration() {
    }

    /**
     * @param persistence the adapter crmkit runs on
     * @return the indicator, named {@code crmkit} after its bean
     */
    @Bean(name = "crmkitHealthIndicator")
    @ConditionalOnMissingBean(name = "crmkitHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("crmkit")
    public CrmHealthIndicator crmkitHealthIndicator(CrmPersistence persistence) {
        return new CrmHealthIndicator(persistence);
    }
}
