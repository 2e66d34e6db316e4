package org.crmkit.persistence.mybatis.internal.idempotency;

import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of the idempotency keys; statements in {@code IdempotencyMapper.xml}. */
interface IdempotencyMapper {

    /** Inserts the row, or leaves the one holding the key untouched once its transaction has ended. */
    int insertIfAbsent(KeyRow row);

    /** @return the row holding the key, read as committed and locked */
    KeyRow selectForUpdate(@Param("operation") String operation, @Param("caller") String caller,
                           @Param("requestKey") String requestKey);

    /** Sets the result of a key claimed and not yet completed. */
    int updateResult(@Param("operation") String operation, @Param("caller") String caller,
                     @Param("requestKey") String requestKey, @Param("resultId") UUID resultId);
}
