/**
 * The interaction services (internal, package-private);
 * {@link org.crmkit.core.interaction.application.InteractionApplication} builds them and the lead-conversion
 * participant.
 */
package org.crmkit.core.interaction.application;
