/** The quote tables on MySQL: {@link org.crmkit.persistence.mybatis.internal.quote.MyBatisQuoteRepository}. Internal. */
package org.crmkit.persistence.mybatis.internal.quote;
