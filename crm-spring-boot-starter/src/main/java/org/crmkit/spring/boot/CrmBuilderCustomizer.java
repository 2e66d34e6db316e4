package org.crmkit.spring.boot;

import org.crmkit.core.Crm;

/**
 * A bean of this type adjusts the auto-configured {@link Crm.Builder} after the starter has set it up, for settings
 * that have neither a property nor a bean of their own. Customizers run in their {@code @Order}.
 */
@FunctionalInterface
public interface CrmBuilderCustomizer {
    /** @param builder the builder the {@code Crm} bean is built with */
    void customize(Crm.Builder builder);
}
