/**
 * Internal, not API (ADR 0011): the task area's use-case services. The task use cases (internal): package-private
 * services behind {@link org.crmkit.core.task.internal.application.TaskApplication}, the one public factory.
 */
package org.crmkit.core.task.internal.application;
