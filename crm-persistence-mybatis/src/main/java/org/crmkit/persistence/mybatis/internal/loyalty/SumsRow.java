package org.crmkit.persistence.mybatis.internal.loyalty;

/** An account's row balance and shortfall beside the sums of its entries and lots, read in one statement. */
record SumsRow(long balance, long shortfall, long ofEntries, long ofLots, long entryCount) {
}
