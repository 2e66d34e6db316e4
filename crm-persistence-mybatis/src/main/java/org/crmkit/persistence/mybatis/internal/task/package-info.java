/** The task repository on MySQL (internal): mapper, rows and {@link org.crmkit.persistence.mybatis.internal.task.MyBatisTaskRepository}. */
package org.crmkit.persistence.mybatis.internal.task;
