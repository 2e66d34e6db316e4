package org.crmkit.persistence.mybatis.internal.quote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of the quote tables; statements in {@code QuoteMapper.xml} beside this interface. */
interface QuoteMapper {

    int insert(QuoteRow row);

    int insertLines(@Param("lines") List<QuoteLineRow> lines);

    int update(QuoteRow row);

    int updatePrices(@Param("quoteId") UUID quoteId, @Param("lines") List<QuoteLineRow> lines);

    QuoteRow selectById(UUID id);

    QuoteRow selectForUpdate(UUID id);

    List<QuoteLineRow> selectLines(@Param("ids") List<UUID> ids, @Param("locking") boolean locking);

    List<QuoteRow> search(SearchParams params);

    List<DueRow> selectQuotedValidUntil(@Param("asOf") Instant asOf, @Param("afterAt") Instant afterAt,
                                        @Param("afterId") UUID afterId, @Param("limit") int limit);
}
