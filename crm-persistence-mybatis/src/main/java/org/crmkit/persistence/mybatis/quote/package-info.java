/** The quote tables on MySQL: {@link org.crmkit.persistence.mybatis.quote.MyBatisQuoteRepository}. Internal. */
package org.crmkit.persistence.mybatis.quote;
