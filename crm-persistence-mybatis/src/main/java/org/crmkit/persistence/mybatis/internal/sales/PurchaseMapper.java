package org.crmkit.persistence.mybatis.internal.sales;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of the purchase tables; statements in {@code PurchaseMapper.xml} beside this interface. */
interface PurchaseMapper {

    List<PurchaseRow> selectByReferences(@Param("source") String source,
                                         @Param("references") java.util.Collection<String> references);

    UUID selectReturnHolder(@Param("reference") String reference);

    List<String> selectReturnReferences(@Param("references") List<String> references);

    List<PurchaseRow> selectWithProduct(@Param("customerId") UUID customerId, @Param("productId") UUID productId,
                                        @Param("before") java.time.Instant before, @Param("limit") int limit);

    int update(PurchaseRow row);

    int updateReturned(@Param("purchaseId") UUID purchaseId, @Param("lines") List<PurchaseLineRow> lines);

    List<UUID> selectReturnIds(UUID purchaseId);

    PurchaseRow selectById(UUID id);

    PurchaseRow selectByReference(@Param("source") String source,
                                  @Param("externalReference") String externalReference);

    List<PurchaseRow> selectByCustomer(HistoryParams params);

    List<PurchaseLineRow> selectLines(@Param("ids") List<UUID> ids);

    List<ReturnWithLineRow> selectReturns(@Param("ids") List<UUID> ids);

    List<TotalsRow> selectTotals(UUID customerId);

    List<RankingRow> selectTopCustomers(RankingParams params);

    List<PurchaseRow> selectWithProducts(@Param("queries") List<HoldingParams> queries, @Param("limit") int limit);

    List<UUID> selectReturnIdsOf(@Param("ids") List<UUID> purchaseIds);
}
