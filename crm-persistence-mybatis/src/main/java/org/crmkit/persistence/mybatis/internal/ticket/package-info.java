/**
 * The ticket adapter: {@link org.crmkit.persistence.mybatis.internal.ticket.MyBatisTicketRepository} over
 * {@code crm_ticket}, {@code crm_ticket_comment} and {@code crm_ticket_history}. Public: hosts get it from
 * {@code MyBatisCrmPersistence}.
 */
package org.crmkit.persistence.mybatis.internal.ticket;
