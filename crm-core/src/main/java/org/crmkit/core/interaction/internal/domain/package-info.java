/**
 * The interaction area's domain (public API): an {@link org.crmkit.core.interaction.internal.domain.Interaction} (a call,
 * email, meeting or note) logged against a customer or a lead. Plain Java on the kernel.
 */
package org.crmkit.core.interaction.internal.domain;
