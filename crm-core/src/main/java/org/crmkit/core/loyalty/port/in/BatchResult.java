package org.crmkit.core.loyalty.port.in;

/**
 * What a batch did.
 *
 * @param accounts how many accounts it looked at
 * @param changed  how many it changed (lots expired, tier moved)
 * @param points   the points it expired (0 for a tier review)
 */
public record BatchResult(long accounts, long changed, long points) {
}
