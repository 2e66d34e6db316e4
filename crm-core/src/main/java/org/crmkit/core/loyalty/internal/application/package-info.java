/**
 * Internal, not API (ADR 0011): the loyalty area's use-case services. The loyalty use cases and the purchase
 * participant that earns and claws back points in the sales area's transactions; {@link
 * org.crmkit.core.loyalty.internal.application.LoyaltyApplication} builds them.
 */
package org.crmkit.core.loyalty.internal.application;
