/**
 * Interactions on MyBatis (internal): the mapper interface with its XML beside it, the flat row record and
 * {@link org.crmkit.persistence.mybatis.internal.interaction.MyBatisInteractionRepository}.
 */
package org.crmkit.persistence.mybatis.internal.interaction;
