package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.internal.store.QuoteStore;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.quote.QuotePermission;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.ExpiryResult;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expiry batch: expires the quoted offers whose validity ended, each in a transaction of its own, re-checked under
 * its lock; a quote a concurrent change holds is skipped and seen again by the next run.
 */
final class QuoteExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(QuoteExpiry.class);
    /**
     * Quotes read per expiry page (by end of validity and id, the expiry index's order: a quote skipped after a
     * conflict is not read again in the same run); each is then expired in a transaction of its own.
     */
    private static final int BATCH = 200;

    private final UseCaseSupport support;
    private final QuoteStore quotes;

    QuoteExpiry(UseCaseSupport support, QuoteStore quotes) {
        this.support = support;
        this.quotes = quotes;
    }

    ExpiryResult expireQuotes(Actor actor, ExpireQuotesCommand command) {
        support.validate(actor, command);
        Instant asOf = UseCaseSupport.commandField(() -> StoredTime.bound("asOf", command.asOf()));
        if (asOf.isAfter(support.now())) {
            // expiring early would take offers away from customers who may still accept them
            throw invalid("asOf", "must not be in the future");
        }
        support.transaction(() -> support.authorize(actor, QuotePermission.QUOTE_BATCH, AccessTarget.none(),
                "quote.expire", QuoteAccess.TYPE, null));
        ExpiryResult result = new ExpiryResult(0, 0, 0);
        QuoteRepository.Due after = null;
        while (true) {
            QuoteRepository.Due from = after;
            List<QuoteRepository.Due> page = support.transaction(() -> quotes.quotedValidUntil(asOf, from, BATCH));
            result = expirePage(actor, page, asOf, result);
            if (page.size() < BATCH) {
                return result;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Expires one page's quotes, one by one; @return the run's figures so far, this page's added */
    private ExpiryResult expirePage(Actor actor, List<QuoteRepository.Due> page, Instant asOf, ExpiryResult sum) {
        long expired = 0;
        long skipped = 0;
        for (QuoteRepository.Due due : page) {
            QuoteId id = due.id();
            try {
                expired += expire(actor, id, asOf) ? 1 : 0;
            } catch (ConflictException concurrent) {
                // a concurrent change of this quote (a lock wait that timed out, say): the next run sees it again
                LOG.info("quote {} skipped by the expiry run: {}", id, concurrent.code());
                skipped++;
            }
        }
        return new ExpiryResult(sum.examined() + page.size(), sum.expired() + expired, sum.skipped() + skipped);
    }

    /** Expires one quote in a transaction of its own, re-checked under its lock; whether it expired now. */
    private boolean expire(Actor actor, QuoteId id, Instant asOf) {
        return support.transaction(() -> quotes.lock(id).map(quote -> {
            boolean[] changed = new boolean[1];
            support.applyChange(actor, "quote.expire", QuoteAccess.TYPE, id.value(), quote, null,
                    q -> changed[0] = q.expire(asOf, support.now()), quotes::update);
            return changed[0];
        }).orElse(false));
    }

    private static InvalidCommandException invalid(String field, String reason) {
        return new InvalidCommandException(List.of(new FieldError(field, reason)));
    }
}
