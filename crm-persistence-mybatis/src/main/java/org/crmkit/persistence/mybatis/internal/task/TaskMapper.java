package org.crmkit.persistence.mybatis.internal.task;

import java.util.List;
import java.util.UUID;

/** SQL of {@code crm_task}; statements in {@code TaskMapper.xml} beside this interface. */
interface TaskMapper {

    int insert(TaskRow row);

    int update(TaskRow row);

    TaskRow selectById(UUID id);

    List<TaskRow> search(TaskParams.Search params);

    List<ReminderRow> dueReminders(TaskParams.Reminders params);

    int claimReminder(TaskParams.Claim params);

    int releaseReminder(TaskParams.Release params);

    List<TaskRow> linkedTo(TaskParams.Linked params);
}
