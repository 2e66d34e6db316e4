package org.crmkit.persistence.mybatis.internal.lead;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code crm_lead} and its children; SQL in LeadMapper.xml beside it. */
interface LeadMapper {

    int insert(LeadRow row);

    int update(LeadRow row);

    LeadRow selectById(UUID id);

    List<UUID> selectConvertedInto(UUID customerId);

    LeadRow selectByIdForUpdate(UUID id);

    List<LeadRow> search(LeadSearchParams params);

    List<StageChangeRow> selectHistory(@Param("ids") List<UUID> ids);

    List<StageChangeRow> selectHistoryLocked(UUID leadId);

    int lastSequence(UUID leadId);

    int insertHistory(@Param("rows") List<StageChangeRow> rows);

    List<ScoreReasonRow> selectReasons(@Param("ids") List<UUID> ids);

    List<ScoreReasonRow> selectReasonsLocked(UUID leadId);

    int deleteReasons(UUID leadId);

    int insertReasons(@Param("rows") List<ScoreReasonRow> rows);

    /** Erases the leads converted into {@code customerId}, or the lead {@code leadId} when that is given. */
    int erase(@Param("customerId") UUID customerId, @Param("leadId") UUID leadId, @Param("erased") String erased,
              @Param("erasedKey") String erasedKey);

    /** The history of the same leads as {@link #erase}. */
    int eraseHistoryReasons(@Param("customerId") UUID customerId, @Param("leadId") UUID leadId,
                            @Param("erased") String erased);

    List<AssignmentRow> latestAssignments(@Param("owners") List<UUID> owners);
}
