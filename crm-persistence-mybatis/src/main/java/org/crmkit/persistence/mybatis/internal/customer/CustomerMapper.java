package org.crmkit.persistence.mybatis.internal.customer;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of the customer tables; statements in {@code CustomerMapper.xml} beside this interface. */
interface CustomerMapper {

    int insert(CustomerRow row);

    int update(CustomerRow row);

    CustomerRow selectById(UUID id);

    List<CustomerRow> selectByEmail(String email);

    List<CustomerRow> selectByPhone(String phone);

    List<CustomerRow> selectByExternalRef(String externalRef);

    List<CustomerRow> selectByExternalRefs(@Param("refs") List<String> externalRefs);

    List<CustomerRow> selectByNameKeyAndPostalCode(@Param("nameKey") String nameKey,
                                                   @Param("postalCode") String postalCode);

    List<CustomerRow> search(SearchParams params);

    List<TagRow> selectTags(@Param("ids") List<UUID> ids);

    int deleteTags(UUID customerId);

    int insertTags(@Param("tags") List<TagRow> tags);
}
