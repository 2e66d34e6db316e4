package org.crmkit.core.loyalty.internal.domain;

import org.crmkit.core.loyalty.LoyaltyError;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.LoyaltyChanges;
import org.crmkit.core.loyalty.PointsLot;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LoyaltyEvents;
import org.crmkit.core.loyalty.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.sales.PurchaseId;

// Over 300 lines: the ledger's invariants (balance, lots consumed oldest first, the shortfall a claw-back leaves
// and later earnings pay off, tiers) hold only if every change goes through this one aggregate; the lots and
// entries are already separate values (PointsLot, LedgerEntry). Most of the length is the javadoc of its rules.
/**
 * A customer's loyalty account with its open lots: the one place that moves points. Every change appends a
 * {@link LedgerEntry} and moves lots so that, after each method returns, the balance equals the sum of the open lots'
 * remainders (and, as stored, the sum of the ledger), and neither the balance nor the shortfall is negative. Each
 * entry takes the ledger's next position (the account's row carries the last one), so that in posting order every
 * entry's balance after it is the one before plus its points. Changes not yet stored are held until the repository
 * takes them with {@link #pullChanges()}.
 */
public final class LoyaltyAccount extends AggregateRoot {
    static final String TYPE = "loyalty_account";
    /** The fewest and most points one redemption or adjustment may move. */
    public static final long MAX_POINTS = 1_000_000_000_000L;
    /**
     * The most points an account's balance, lifetime earned or lifetime redeemed may reach (10^18, about a ninth of
     * what a signed 64-bit column holds): a posting that would pass it is refused with {@code points_limit} before
     * anything changes, instead of wrapping around.
     */
    public static final long MAX_ACCOUNT_POINTS = 1_000_000_000_000_000_000L;
    /** Oldest expiry first, then oldest earning, then id: the order redemptions take from. */
    private static final Comparator<PointsLot> OLDEST_FIRST = Comparator.comparing(PointsLot::expiresAt)
            .thenComparing(PointsLot::earnedAt).thenComparing(PointsLot::id);

    private LoyaltyAccountSnapshot state;
    private final Map<UUID, PointsLot> lots = new LinkedHashMap<>();
    private final List<LedgerEntry> newEntries = new ArrayList<>();
    private final Set<UUID> newLots = new LinkedHashSet<>();
    private final Set<UUID> changedLots = new LinkedHashSet<>();

    private LoyaltyAccount(LoyaltyAccountSnapshot state, List<PointsLot> openLots) {
        super(TYPE, state.version());
        this.state = state;
        openLots.forEach(lot -> lots.put(lot.id(), lot));
        requireInvariants();
    }

    /**
     * @param customer whose account
     * @param tier     the tier it starts in
     * @param at       now
     * @return a new, empty account
     */
    public static LoyaltyAccount open(CustomerId customer, Tier tier, Instant at) {
        LoyaltyAccount account = new LoyaltyAccount(new LoyaltyAccountSnapshot(customer, 0, at, 0, 0, 0, null, 0,
                tier.name(), 0, at, 0), List.of());
        account.record(new LoyaltyEvents.AccountOpened(customer, at));
        return account;
    }

    /**
     * @param state    the stored row
     * @param openLots its lots with points remaining
     * @return the account
     * @throws IllegalStateException when the stored balance is not the sum of the lots
     */
    public static LoyaltyAccount restore(LoyaltyAccountSnapshot state, List<PointsLot> openLots) {
        return new LoyaltyAccount(state, openLots);
    }

    @Override
    protected Object identity() {
        return state.customer();
    }

    /**
     * Posts what a purchase earned: the shortfall is paid off first, the rest opens a lot.
     *
     * @param entryId    the new entry's id
     * @param lotId      the new lot's id (used only if points remain after the shortfall)
     * @param purchase   the purchase
     * @param occurredAt its time, which the lot's expiry counts from
     * @param expiresAt  when the lot expires
     * @param lines      what each line earned
     * @param now        the current time
     * @return the entry, or {@code null} when the purchase earned nothing
     * @throws BusinessRuleViolationException {@code points_limit} when the balance or lifetime earned would pass
     *                                        {@link #MAX_ACCOUNT_POINTS}
     */
    public LedgerEntry earn(UUID entryId, UUID lotId, PurchaseId purchase, Instant occurredAt, Instant expiresAt,
                            List<EarnedLine> lines, Instant now) {
        long gross = lines.stream().mapToLong(EarnedLine::points).reduce(0, Math::addExact);
        if (gross == 0) {
            return null;
        }
        long settled = Math.min(gross, state.shortfall());
        long net = gross - settled;
        withinLimit("balance", state.balance(), net);
        withinLimit("lifetimeEarned", state.lifetimeEarned(), gross);
        if (net > 0) {
            addLot(new PointsLot(lotId, state.customer(), entryId, occurredAt, expiresAt, net, net));
        }
        return post(new Change(entryId, EntryKind.EARN, net, -settled, gross, occurredAt, purchase.toString(),
                "purchase " + purchase, lines, occurredAt), now);
    }

    /**
     * Spends points, oldest lots first.
     *
     * @param entryId        the new entry's id
     * @param amount         1 or more
     * @param idempotencyKey the caller's key for this redemption
     * @param note           an optional note
     * @param now            the current time
     * @return the entry
     * @throws BusinessRuleViolationException {@code insufficient_points} naming the balance; {@code points_limit}
     *                                        when lifetime redeemed would pass {@link #MAX_ACCOUNT_POINTS}
     */
    public LedgerEntry redeem(UUID entryId, Points amount, String idempotencyKey, String note, Instant now) {
        long points = amount.value();
        withinLimit("lifetimeRedeemed", state.lifetimeRedeemed(), points);
        take(points, "redeem");
        LedgerEntry entry = post(new Change(entryId, EntryKind.REDEEM, -points, 0, 0, now, idempotencyKey, note,
                List.of(), null), now);
        state = new LoyaltyAccountSnapshot(state.customer(), state.version(), state.openedAt(), state.balance(),
                state.lifetimeEarned(), state.lifetimeRedeemed() + points, now, state.shortfall(), state.tier(),
                state.earnedInWindow(), state.tierEvaluatedAt(), state.lastPosition());
        return entry;
    }

    /**
     * A manual correction that adds points: they open a lot.
     *
     * @param entryId   the new entry's id
     * @param lotId     the new lot's id
     * @param amount    the points added, 1 or more
     * @param reason    why
     * @param key       the caller's idempotency key, kept as the entry's reference, or {@code null}
     * @param expiresAt when the points expire
     * @param now       the current time
     * @return the entry
     * @throws BusinessRuleViolationException {@code points_limit} when the balance would pass
     *                                        {@link #MAX_ACCOUNT_POINTS}
     */
    public LedgerEntry addPoints(UUID entryId, UUID lotId, Points amount, String reason, String key,
                                 Instant expiresAt, Instant now) {
        long points = amount.value();
        withinLimit("balance", state.balance(), points);
        addLot(new PointsLot(lotId, state.customer(), entryId, now, expiresAt, points, points));
        return post(new Change(entryId, EntryKind.ADJUST, points, 0, 0, now, key, reason, List.of(), null), now);
    }

    /**
     * A manual correction that removes points, from the oldest lots.
     *
     * @param entryId the new entry's id
     * @param amount  the points removed, 1 or more
     * @param reason  why
     * @param key     the caller's idempotency key, kept as the entry's reference, or {@code null}
     * @param now     the current time
     * @return the entry
     * @throws BusinessRuleViolationException {@code insufficient_points} when more would be removed than the balance
     */
    public LedgerEntry removePoints(UUID entryId, Points amount, String reason, String key, Instant now) {
        long points = amount.value();
        take(points, "remove");
        return post(new Change(entryId, EntryKind.ADJUST, -points, 0, 0, now, key, reason, List.of(), null), now);
    }

    /**
     * Takes back points a return's lines earned: first from the lots the purchase opened, then oldest first; what
     * cannot be taken becomes shortfall, so the balance never goes below 0.
     *
     * @param entryId  the new entry's id
     * @param returnId the return
     * @param purchase the purchase returned against
     * @param amount   the points the returned lines earned, 0 or more
     * @param earning  the entry that posted the purchase's earning: its lots are taken from first, and the points
     *                 leave the window they were earned in
     * @param now      the current time
     * @return the entry, or {@code null} when there is nothing to take back
     */
    public LedgerEntry clawBack(UUID entryId, UUID returnId, PurchaseId purchase, Points amount, LedgerEntry earning,
                                Instant now) {
        long points = amount.value();
        UUID earnedBy = earning.id();
        if (points <= 0) {
            return null;
        }
        long wanted = points;
        List<PointsLot> order = new ArrayList<>(lots.values());
        order.sort(Comparator.comparing((PointsLot lot) -> !lot.entryId().equals(earnedBy)).thenComparing(OLDEST_FIRST));
        long taken = 0;
        for (PointsLot lot : order) {
            if (taken == wanted) {
                break;
            }
            long part = Math.min(lot.remaining(), wanted - taken);
            changeLot(lot.take(part));
            taken += part;
        }
        return post(new Change(entryId, EntryKind.CLAWBACK, -taken, wanted - taken, -points, now,
                returnId.toString(), "return " + returnId + " of purchase " + purchase, List.of(), earning.earnedAt()),
                now);
    }

    /**
     * Expires what remains of every lot whose expiry is at or before {@code asOf}: one entry per lot. Running it again
     * finds nothing more to expire.
     *
     * @param ids  new entry ids
     * @param asOf the expiry cut-off
     * @param now  the current time
     * @return the entries, one per expired lot, possibly none
     */
    public List<LedgerEntry> expire(Supplier<UUID> ids, Instant asOf, Instant now) {
        List<PointsLot> due = lots.values().stream().filter(l -> !l.expiresAt().isAfter(asOf))
                .sorted(OLDEST_FIRST).toList();
        List<LedgerEntry> entries = new ArrayList<>();
        for (PointsLot lot : due) {
            if (lot.isOpen()) {
                entries.add(expireLot(ids.get(), lot.id(), now));
            }
        }
        return entries;
    }

    /**
     * Expires what remains of one lot now, whatever its expiry: for points that were already expired when they were
     * earned (an import of old sales), so that they count as earned but can never be spent.
     *
     * @param entryId the expiry entry's id
     * @param lotId   the lot
     * @param now     the current time
     * @return the entry, or {@code null} when the lot is not open
     */
    public LedgerEntry expireLot(UUID entryId, UUID lotId, Instant now) {
        PointsLot lot = lots.get(lotId);
        if (lot == null || !lot.isOpen()) {
            return null;
        }
        long remaining = lot.remaining();
        changeLot(lot.take(remaining));
        return post(new Change(entryId, EntryKind.EXPIRE, -remaining, 0, 0, lot.expiresAt(), lot.id().toString(),
                "points earned " + lot.earnedAt() + " expired " + lot.expiresAt(), List.of(), null), now);
    }

    /**
     * Sets the tier that the points earned in the window reach.
     *
     * @param tier           the tier reached
     * @param earnedInWindow the points earned in the window
     * @param at             the evaluation time
     * @return whether anything stored changed
     */
    public boolean evaluateTier(Tier tier, long earnedInWindow, Instant at) {
        if (tier.name().equals(state.tier()) && earnedInWindow == state.earnedInWindow()) {
            return false;
        }
        if (!tier.name().equals(state.tier())) {
            record(new LoyaltyEvents.TierChanged(state.customer(), state.tier(), tier.name(), at));
        }
        state = new LoyaltyAccountSnapshot(state.customer(), state.version(), state.openedAt(), state.balance(),
                state.lifetimeEarned(), state.lifetimeRedeemed(), state.lastRedemptionAt(), state.shortfall(),
                tier.name(), earnedInWindow, at, state.lastPosition());
        return true;
    }

    /** @return the points earned by entries not yet stored whose earning time is within {@code [from, to]} */
    public long pendingEarned(Instant from, Instant to) {
        return newEntries.stream().filter(e -> e.earnedAt() != null && !e.earnedAt().isBefore(from)
                && !e.earnedAt().isAfter(to)).mapToLong(LedgerEntry::earned).sum();
    }

    /** @return the account's row as it is now */
    public LoyaltyAccountSnapshot snapshot() {
        return new LoyaltyAccountSnapshot(state.customer(), version(), state.openedAt(), state.balance(),
                state.lifetimeEarned(), state.lifetimeRedeemed(), state.lastRedemptionAt(), state.shortfall(),
                state.tier(), state.earnedInWindow(), state.tierEvaluatedAt(), state.lastPosition());
    }

    /** @return the lots with points remaining, oldest expiry first */
    public List<PointsLot> openLots() {
        return lots.values().stream().filter(PointsLot::isOpen).sorted(OLDEST_FIRST).toList();
    }

    /** @return whether there are changes not yet stored */
    public boolean hasChanges() {
        return !newEntries.isEmpty() || !changedLots.isEmpty() || !newLots.isEmpty();
    }

    /**
     * Hands the changes made since the last call to the repository that stores them, and forgets them.
     *
     * @return the row, the entries to append, and the lots to insert and to update
     */
    public LoyaltyChanges pullChanges() {
        LoyaltyChanges changes = new LoyaltyChanges(snapshot(), List.copyOf(newEntries),
                newLots.stream().map(lots::get).toList(),
                changedLots.stream().filter(id -> !newLots.contains(id)).map(lots::get).toList());
        newEntries.clear();
        newLots.clear();
        changedLots.clear();
        lots.values().removeIf(lot -> !lot.isOpen());
        return changes;
    }


    private record Change(UUID id, EntryKind kind, long points, long shortfallChange, long earned,
                          Instant occurredAt, String reference, String description, List<EarnedLine> lines,
                          Instant earnedAt) {
    }

    /**
     * Appends the entry at the ledger's next position: the statement shows entries in that order, so its
     * {@code balanceAfter} follows from the entry posted before it, whatever time the entry took effect.
     */
    private LedgerEntry post(Change c, Instant now) {
        long balance = state.balance() + c.points();
        long position = state.lastPosition() + 1;
        state = new LoyaltyAccountSnapshot(state.customer(), state.version(), state.openedAt(), balance,
                state.lifetimeEarned() + c.earned(), state.lifetimeRedeemed(), state.lastRedemptionAt(),
                state.shortfall() + c.shortfallChange(), state.tier(), state.earnedInWindow(),
                state.tierEvaluatedAt(), position);
        requireInvariants();
        LedgerEntry entry = new LedgerEntry(c.id(), state.customer(), position, c.kind(), c.points(), c.shortfallChange(),
                c.earned(), balance, c.occurredAt(), c.reference(), c.description(), c.lines(), c.earnedAt());
        newEntries.add(entry);
        record(new LoyaltyEvents.PointsPosted(state.customer(), c.id(), c.kind(), c.points(), balance, now));
        return entry;
    }

    /**
     * Refuses, changing nothing, a posting that would take one of the account's figures past
     * {@link #MAX_ACCOUNT_POINTS}.
     */
    private void withinLimit(String figure, long current, long added) {
        if (added < 0) {
            throw new IllegalArgumentException("cannot add " + added + " points to the " + figure);
        }
        if (added > MAX_ACCOUNT_POINTS - current) {
            throw new BusinessRuleViolationException(LoyaltyError.POINTS_LIMIT, "cannot add " + added + " points to the "
                    + figure + " of " + current + ": an account holds at most " + MAX_ACCOUNT_POINTS + " points",
                    Map.of("figure", figure, "current", Long.toString(current), "added", Long.toString(added),
                            "limit", Long.toString(MAX_ACCOUNT_POINTS)));
        }
    }

    /** Takes points from the oldest lots, or refuses (changing nothing) when the balance is too low. */
    private void take(long points, String what) {
        if (points > state.balance()) {
            throw new BusinessRuleViolationException(LoyaltyError.INSUFFICIENT_POINTS, "cannot " + what + " " + points
                    + " points: the balance is " + state.balance(), Map.of("balance",
                    Long.toString(state.balance()), "requested", Long.toString(points)));
        }
        long left = points;
        for (PointsLot lot : openLots()) {
            if (left == 0) {
                break;
            }
            long part = Math.min(lot.remaining(), left);
            changeLot(lot.take(part));
            left -= part;
        }
    }

    private void addLot(PointsLot lot) {
        lots.put(lot.id(), lot);
        newLots.add(lot.id());
    }

    private void changeLot(PointsLot lot) {
        lots.put(lot.id(), lot);
        changedLots.add(lot.id());
    }

    private void requireInvariants() {
        long inLots = lots.values().stream().mapToLong(PointsLot::remaining).sum();
        if (state.balance() < 0 || state.shortfall() < 0 || state.balance() != inLots) {
            throw new IllegalStateException("loyalty account " + state.customer() + " broke its invariants: balance "
                    + state.balance() + ", lots " + inLots + ", shortfall " + state.shortfall());
        }
    }
}
