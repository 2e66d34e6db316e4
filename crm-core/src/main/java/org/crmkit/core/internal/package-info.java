/**
 * Internal, not API (ADR 0011): what the composition root ({@code Crm}) needs beyond the areas, such as
 * {@link org.crmkit.core.internal.AreaPorts}, the store's ports resolved from the host's adapter with in-memory
 * defaults.
 */
package org.crmkit.core.internal;
