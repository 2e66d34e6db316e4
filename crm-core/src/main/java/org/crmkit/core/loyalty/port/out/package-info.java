/** What the loyalty area needs from storage: {@link org.crmkit.core.loyalty.port.out.LoyaltyRepository}. */
package org.crmkit.core.loyalty.port.out;
