package org.crmkit.persistence.mybatis.internal.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_feedback}; statements in {@code FeedbackMapper.xml} beside this interface. */
interface FeedbackMapper {

    int insert(FeedbackRow row);

    int update(FeedbackRow row);

    FeedbackRow selectById(UUID id);

    List<FeedbackRow> selectByCustomer(PageParams params);

    List<FeedbackRow> selectByProduct(PageParams params);

    List<FeedbackRow> selectUnanswered(PageParams params);

    List<TallyRow> tally(@Param("productId") UUID productId, @Param("from") Instant from,
                         @Param("before") Instant before);

    int eraseCustomer(@Param("customerId") UUID customerId, @Param("at") Instant at);
}
