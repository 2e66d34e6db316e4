/**
 * The loyalty ledger: one {@link org.crmkit.core.loyalty.internal.domain.LoyaltyAccount} per customer, append-only ledger
 * entries, expiring lots of points, tiers, and the {@link org.crmkit.core.loyalty.LoyaltyProgram} of earning
 * rules that explains every point it gives.
 */
package org.crmkit.core.loyalty.internal.domain;

import org.crmkit.core.loyalty.LoyaltyProgram;
