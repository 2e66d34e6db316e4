package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** The ticket statements; see TicketMapper.xml. */
interface TicketMapper {

    int insert(TicketRow row);

    int update(TicketRow row);

    int updateWithTexts(TicketRow row);

    int rewriteComments(@Param("ticketId") UUID ticketId, @Param("rows") List<CommentRow> rows);

    int rewriteHistoryReasons(@Param("ticketId") UUID ticketId, @Param("rows") List<HistoryRow> rows);

    int insertComments(@Param("rows") List<CommentRow> rows);

    int insertHistory(@Param("rows") List<HistoryRow> rows);

    int countComments(UUID ticketId);

    int countHistory(UUID ticketId);

    TicketRow selectById(UUID id);

    List<TicketRow> search(SearchParams params);

    List<SlaRow> selectPendingSla(SearchParams params);

    List<TicketRow> selectForReport(@Param("from") Instant from, @Param("to") Instant to,
                                    @Param("afterId") UUID afterId, @Param("limit") int limit);

    List<CommentRow> selectComments(@Param("ids") List<UUID> ids);

    List<HistoryRow> selectHistory(@Param("ids") List<UUID> ids);

    List<BreachRow> selectUnnotifiedBreaches(@Param("asOf") Instant asOf, @Param("afterId") UUID afterId,
                                             @Param("afterTarget") String afterTarget, @Param("limit") int limit);

    int claimFirstResponse(@Param("id") UUID id, @Param("at") Instant at);

    int claimResolution(@Param("id") UUID id, @Param("at") Instant at);

    int releaseFirstResponse(@Param("id") UUID id, @Param("claimedAt") Instant claimedAt);

    int releaseResolution(@Param("id") UUID id, @Param("claimedAt") Instant claimedAt);

    Instant selectFirstResponseNotifiedAt(UUID id);

    Instant selectResolutionNotifiedAt(UUID id);
}
