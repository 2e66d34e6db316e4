/**
 * crmkit's entry point (public API): {@link org.crmkit.core.Crm}, built with {@code Crm.builder()}, hands out the
 * use-case interfaces of every area.
 */
package org.crmkit.core;
