package org.crmkit.persistence.mybatis.internal.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of the loyalty tables; statements in {@code LoyaltyMapper.xml} beside this interface. */
interface LoyaltyMapper {

    UUID selectOpeningId(UUID customerId);

    AccountRow selectAccount(UUID customerId);

    AccountRow selectAccountForUpdate(UUID customerId);

    Long selectAccountVersion(UUID customerId);

    List<LotRow> selectOpenLots(@Param("customerId") UUID customerId, @Param("locking") boolean locking);

    List<EntryRow> selectEntryByReference(@Param("customerId") UUID customerId, @Param("kind") String kind,
                                          @Param("reference") String reference);

    long selectEarnedBetween(@Param("customerId") UUID customerId, @Param("from") Instant from,
                             @Param("to") Instant to);

    List<UUID> selectWithLotsExpiringBy(@Param("asOf") Instant asOf, @Param("after") UUID after,
                                        @Param("limit") int limit);

    List<UUID> selectAccounts(@Param("after") UUID after, @Param("limit") int limit);

    List<EarnerRow> selectTopEarners(@Param("from") Instant from, @Param("to") Instant to,
                                     @Param("limit") int limit);

    SumsRow selectSums(UUID customerId);

    int eraseRedemptionNotes(UUID customerId);

    List<OpeningRow> selectOpeningIds(@Param("ids") List<UUID> customerIds);

    List<AccountRow> selectAccountsOf(@Param("ids") List<UUID> customerIds);

    List<AccountRow> selectAccountsForUpdate(@Param("ids") List<UUID> customerIds);

    List<VersionRow> selectAccountVersions(@Param("ids") List<UUID> customerIds);

    List<LotRow> selectOpenLotsOf(@Param("ids") List<UUID> customerIds, @Param("locking") boolean locking);

    List<EntryRow> selectEntriesByKeys(@Param("kind") String kind, @Param("keys") List<EntryKeyParams> keys);

    List<EarningRow> selectEarnings(@Param("ids") List<UUID> customerIds, @Param("from") Instant from,
                                    @Param("to") Instant to);
}
