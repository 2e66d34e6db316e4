/**
 * What the interaction area needs from storage (public SPI):
 * {@link org.crmkit.core.interaction.port.out.InteractionRepository}, proven by {@code InteractionRepositoryContract}
 * in crm-core's test-jar.
 */
package org.crmkit.core.interaction.port.out;
