package org.crmkit.persistence.mybatis.internal.staff;

import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_account}; statements in {@code AccountMapper.xml} beside this interface. */
interface AccountMapper {

    int insert(AccountRow row);

    int update(AccountRow row);

    AccountRow selectById(UUID id);

    AccountRow selectByLoginForUpdate(String login);

    AccountRow selectByHolder(@Param("holderKind") String holderKind, @Param("holderId") UUID holderId);

    int delete(UUID id);
}
