package org.ethnicunity.platform.deadlines;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.engine.DueTaskPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Which tasks the reminder sweep looks at: every open task due before the horizon, a page at a time,
 * each page with what the sweep needs of it read in bulk (candidate links, the instances' unit names
 * and region codes) instead of task by task.
 */
@Component
class DueTasks {

    private static final int PAGE = 1000;

    /** One page of due tasks and what was read in bulk for them. */
    record Page(List<Task> tasks, Map<String, List<IdentityLink>> links, Map<String, Object> unitNames,
                Map<String, Object> regions) {

        List<IdentityLink> linksOf(Task task) {
            return links.getOrDefault(task.getId(), List.of());
        }

        Object unitName(Task task) {
            return unitNames.get(task.getProcessInstanceId());
        }

        Object region(Task task) {
            return regions.get(task.getProcessInstanceId());
        }
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final DueTaskPages pages;
    private final int pageSize;

    @Autowired
    DueTasks(@Lazy TaskService tasks, @Lazy RuntimeService runtime, DueTaskPages pages) {
        this(tasks, runtime, pages, PAGE);
    }

    /** @param pageSize tasks read a page */
    DueTasks(TaskService tasks, RuntimeService runtime, DueTaskPages pages, int pageSize) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.pages = pages;
        this.pageSize = pageSize;
    }

    /** Hands every open task due before {@code dueBefore} to {@code each}, a page at a time in the order of their ids. */
    void forEachPage(Date dueBefore, Consumer<Page> each) {
        String after = "";
        while (true) {
            List<String> ids = pages.next(dueBefore, after, pageSize);
            if (ids.isEmpty()) {
                return;
            }
            after = ids.get(ids.size() - 1);
            each.accept(page(ids));
            if (ids.size() < pageSize) {
                return;
            }
        }
    }

    private Page page(List<String> ids) {
        List<Task> page = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).orderByTaskId().asc().list();
        Map<String, List<IdentityLink>> links = pages.candidateLinks(page.stream().map(Task::getId).toList());
        String[] instances = page.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<String, Object> unitNames = new HashMap<>();
        Map<String, Object> regions = new HashMap<>();
        if (instances.length > 0) {
            String unitName = Subject.UNIT_NAME.name();
            runtime.createVariableInstanceQuery().variableNameIn(unitName, Subject.REGION_CODE.name())
                    .processInstanceIdIn(instances).list()
                    .forEach(v -> (unitName.equals(v.getName()) ? unitNames : regions).put(v.getProcessInstanceId(), v.getValue()));
        }
        return new Page(page, links, unitNames, regions);
    }
}
