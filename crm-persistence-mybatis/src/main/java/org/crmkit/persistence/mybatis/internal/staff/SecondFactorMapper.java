package org.crmkit.persistence.mybatis.internal.staff;

import java.util.UUID;

/** SQL of {@code crm_second_factor}; statements in {@code SecondFactorMapper.xml} beside this interface. */
interface SecondFactorMapper {

    int insert(SecondFactorRow row);

    int update(SecondFactorRow row);

    SecondFactorRow selectByAccountForUpdate(UUID accountId);

    SecondFactorRow selectByChallenge(String challengeHash);

    int delete(UUID accountId);
}
