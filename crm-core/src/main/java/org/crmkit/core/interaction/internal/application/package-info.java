/**
 * Internal, not API (ADR 0011): the interaction area's use-case services. The interaction services (internal,
 * package-private); {@link org.crmkit.core.interaction.internal.application.InteractionApplication} builds them and
 * the lead-conversion participant.
 */
package org.crmkit.core.interaction.internal.application;
