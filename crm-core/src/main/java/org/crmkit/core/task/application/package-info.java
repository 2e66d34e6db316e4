/**
 * The task use cases (internal): package-private services behind {@link org.crmkit.core.task.application.TaskApplication},
 * the one public factory.
 */
package org.crmkit.core.task.application;
