/**
 * What the task area needs from outside (public SPI): the {@link org.crmkit.core.task.port.out.TaskRepository} an
 * adapter implements, and the {@link org.crmkit.core.task.port.out.ReminderNotifier} a host plugs in to deliver
 * reminders.
 */
package org.crmkit.core.task.port.out;
