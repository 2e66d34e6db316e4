package org.crmkit.core.quote.port.in;

/**
 * What an expiry run did.
 *
 * @param examined how many quotes past their validity it looked at
 * @param expired  how many of them it expired (the others were decided meanwhile)
 */
public record ExpiryResult(long examined, long expired) {
}
