package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.internal.store.QuoteStore;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.quote.QuotePermission;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The quote reads: one quote, a customer's quotes and the search, newest request first. A caller with a narrower
 * grant than "any" searches only the quotes of the customers they may see.
 */
final class QuoteReads {
    private final UseCaseSupport support;
    private final QuoteStore quotes;
    private final QuoteAccess access;

    QuoteReads(UseCaseSupport support, QuoteStore quotes, QuoteAccess access) {
        this.support = support;
        this.quotes = quotes;
        this.access = access;
    }

    Optional<QuoteView> findById(Actor actor, QuoteId quoteId) {
        support.validate(actor, new Arguments.QuoteIdQuery(quoteId));
        return support.transaction(() -> {
            Optional<Quote> found = quotes.findById(quoteId);
            support.authorize(actor, QuotePermission.QUOTE_VIEW, access.targetOf(found), "quote.view",
                    QuoteAccess.TYPE, quoteId.value());
            return found.map(QuoteViews::of);
        });
    }

    Page<QuoteView> customerQuotes(Actor actor, CustomerQuotesQuery query) {
        support.validate(actor, query);
        CustomerId customer = query.customerId();
        String scope = Cursor.scope("quote.customer", customer);
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        return support.transaction(() -> {
            support.authorize(actor, QuotePermission.QUOTE_VIEW, access.targetOf(customer), "quote.customer_quotes",
                    QuoteAccess.TYPE, null);
            return page(new QuoteSearchCriteria(null, Set.of(customer), QuoteSort.REQUESTED_DESC, after),
                    query.page().size(), scope);
        });
    }

    Page<QuoteView> search(Actor actor, QuoteSearchQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("quote.search/" + query.sort().name(), query.status(), query.customerId());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, QuotePermission.QUOTE_SEARCH, "quote.search",
                    QuoteAccess.TYPE);
            Set<CustomerId> only = query.customerId() == null ? null : Set.of(query.customerId());
            if (grant.scope() == AccessScope.ANY) {
                return page(new QuoteSearchCriteria(query.status(), only, query.sort(), after), query.page().size(),
                        scope);
            }
            // a narrower grant reaches the quotes of the customers the caller may see: a customer their own, a staff
            // user those they are account manager of, which the store joins itself (never a list of every customer
            // the caller manages)
            if (grant.actor() instanceof Actor.Customer self) {
                if (only != null && !only.contains(self.id())) {
                    return Page.<QuoteView>empty();
                }
                return page(new QuoteSearchCriteria(query.status(), Set.of(self.id()), query.sort(), after),
                        query.page().size(), scope);
            }
            if (grant.actor() instanceof Actor.Staff staff) {
                QuoteSearchCriteria criteria = new QuoteSearchCriteria(query.status(), only, query.sort(), after);
                int size = query.page().size();
                return Page.slice(quotes.searchManagedBy(staff.id(), criteria, size + 1), size, QuoteViews::of,
                        q -> position(q).toCursor(scope));
            }
            return Page.<QuoteView>empty();
        });
    }

    private Page<QuoteView> page(QuoteSearchCriteria criteria, int size, String scope) {
        return Page.slice(quotes.search(criteria, size + 1), size, QuoteViews::of, q -> position(q).toCursor(scope));
    }

    private static EntryPosition position(Quote quote) {
        return new EntryPosition(quote.snapshot().requestedAt(), quote.id().value());
    }
}
