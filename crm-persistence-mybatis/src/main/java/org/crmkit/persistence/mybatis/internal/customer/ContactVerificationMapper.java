package org.crmkit.persistence.mybatis.internal.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_contact_verification}; statements in {@code ContactVerificationMapper.xml} beside this interface. */
interface ContactVerificationMapper {

    int insert(ContactVerificationRow row);

    ContactVerificationRow selectByHash(String tokenHash);

    int markUsed(@Param("id") UUID id, @Param("at") Instant at);

    int markAllUsed(@Param("customerId") UUID customerId, @Param("purpose") String purpose, @Param("at") Instant at);

    int deleteByCustomer(UUID customerId);

    int deleteSignUpsOf(@Param("addresses") Collection<String> addresses);
}
