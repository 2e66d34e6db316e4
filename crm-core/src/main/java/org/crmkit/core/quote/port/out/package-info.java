/** What the quote area needs from storage: {@link org.crmkit.core.quote.port.out.QuoteRepository}. Public SPI. */
package org.crmkit.core.quote.port.out;
