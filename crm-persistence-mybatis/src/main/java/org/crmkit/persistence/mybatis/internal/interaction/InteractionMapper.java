package org.crmkit.persistence.mybatis.internal.interaction;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code crm_interaction}; SQL in InteractionMapper.xml beside it. */
interface InteractionMapper {

    int insert(InteractionRow row);

    InteractionRow selectById(UUID id);

    List<InteractionRow> timeline(TimelineParams params);

    int moveLeadToCustomer(@Param("leadId") UUID leadId, @Param("customerId") UUID customerId);

    /** Erases the interactions of {@code customerId}, or those logged against {@code leadId} when that is given. */
    int eraseText(@Param("customerId") UUID customerId, @Param("leadId") UUID leadId, @Param("erased") String erased);
}
