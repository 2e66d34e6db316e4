package org.crmkit.core.ticket.port.in;

/**
 * What one {@code checkSla} run did.
 *
 * @param notified breaches this run claimed and notified
 * @param failed   breaches whose notifier threw: their claim was given back for the next run
 */
public record SlaCheckResult(int notified, int failed) {
}
