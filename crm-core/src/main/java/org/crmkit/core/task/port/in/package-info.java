/**
 * The task use cases (public API): {@link org.crmkit.core.task.port.in.Tasks} ({@code crm.tasks()}), their command
 * and query records, and the views they return.
 */
package org.crmkit.core.task.port.in;
