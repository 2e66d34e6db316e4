/**
 * The interaction area's use cases as hosts call them (public API):
 * {@link org.crmkit.core.interaction.port.in.Interactions}, its commands, queries and views.
 */
package org.crmkit.core.interaction.port.in;
