package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_password_reset_token}; statements in {@code PasswordResetTokenMapper.xml} beside this interface. */
interface PasswordResetTokenMapper {

    int insert(PasswordResetTokenRow row);

    PasswordResetTokenRow selectByHash(String tokenHash);

    int markUsed(@Param("id") UUID id, @Param("at") Instant at);

    int markAllUsed(@Param("accountId") UUID accountId, @Param("at") Instant at);

    int deleteByAccount(UUID accountId);
}
