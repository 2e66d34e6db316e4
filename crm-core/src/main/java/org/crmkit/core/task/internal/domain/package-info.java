/**
 * The task area's model (public API, plain Java): {@link org.crmkit.core.task.internal.domain.Task}, staff work with a due time,
 * a priority, an assignee, an optional link to a customer or a lead, and an optional reminder; its states, its link
 * and its events.
 */
package org.crmkit.core.task.internal.domain;
