package org.ethnicunity.platform.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.ethnicunity.platform.engine.Caller;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.security.AccessDenied;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.stereotype.Service;

/**
 * Uploading and reading attachments as the logged-in user, with Camunda deciding who may: a task's
 * files are listed to whoever Camunda lets see the task; a file is read by whoever may see a task of
 * its process instance or holds Camunda's READ on the instance (administrators), and by its uploader;
 * a file is added by the assignee of an open task (claimed in Tasklist), or before a start by a person
 * Camunda lets start the process. Size and type (by content) are checked before anything is stored.
 */
@Service
public class Attachments {

    /** A stored file with its content, for a download. */
    record Download(Attachment attachment, byte[] content) {
    }

    private final AttachmentRepository repository;
    private final AttachmentSettings settings;
    private final TaskService tasks;
    private final RepositoryService definitions;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final ApiAccess access;
    private final BusinessClock clock;
    private final AttachmentLinks links;
    private final FormService startForms;

    Attachments(AttachmentRepository repository, AttachmentSettings settings, AttachmentLinks links,
                FormService startForms, TaskService tasks,
                RepositoryService definitions, AuthorizationService authorizations, IdentityService identity,
                ApiAccess access, BusinessClock clock) {
        this.repository = repository;
        this.settings = settings;
        this.tasks = tasks;
        this.definitions = definitions;
        this.authorizations = authorizations;
        this.identity = identity;
        this.access = access;
        this.clock = clock;
        this.links = links;
        this.startForms = startForms;
    }

    /** The open task as the user sees it in Tasklist; not found when Camunda does not show it to them. */
    Task visibleTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFound("找不到该任务：任务已办结，或您无权查看");
        }
        return task;
    }

    List<Attachment> ofTask(Task task) {
        return repository.ofInstance(task.getProcessInstanceId());
    }

    boolean mayUploadTo(Task task) {
        return access.userId().equals(task.getAssignee());
    }

    Attachment uploadToTask(String taskId, String fileName, byte[] content) {
        Task task = visibleTask(taskId);
        if (!mayUploadTo(task)) {
            throw new AccessDenied("只有任务的办理人可以上传附件：请先在任务列表中认领「" + task.getName() + "」");
        }
        String processKey = access.asPlatform(() -> definitions.getProcessDefinition(task.getProcessDefinitionId()).getKey());
        return store(processKey, task.getProcessInstanceId(), task, fileName, content,
                repository.ofInstance(task.getProcessInstanceId()).size());
    }

    /** Whether Camunda lets the user start the process (its latest version). */
    boolean mayStart(String processKey) {
        return definitions.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .startablePermissionCheck().count() > 0;
    }

    String processName(String processKey) {
        var definition = access.asPlatform(() -> definitions.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult());
        if (definition == null) {
            throw new NotFound("找不到流程「" + processKey + "」");
        }
        return definition.getName();
    }

    /** Whether the process's start form is one of those whose uploads a start takes over. */
    private boolean adoptsAtStart(String processKey) {
        return access.asPlatform(() -> {
            var definition = definitions.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                    .singleResult();
            var startForm = definition == null ? null : startForms.getStartFormData(definition.getId());
            return startForm != null && startForm.getCamundaFormRef() != null
                    && links.adoptsWith(startForm.getCamundaFormRef().getKey());
        });
    }

    List<Attachment> pending(String processKey) {
        return repository.pending(access.userId(), processKey);
    }

    Attachment uploadPending(String processKey, String fileName, byte[] content) {
        if (!adoptsAtStart(processKey)) {
            throw new NotFound("「" + processName(processKey) + "」的发起表单不接收附件");
        }
        if (!mayStart(processKey)) {
            throw new AccessDenied("您无权发起「" + processName(processKey) + "」，不能为其上传附件");
        }
        return store(processKey, null, null, fileName, content, pending(processKey).size());
    }

    Download download(long id) {
        // An attachment the caller may not see is answered like a missing one: its existence is not confirmed.
        NotFound missing = new NotFound("找不到编号为 " + id + " 的附件");
        Attachment attachment = repository.find(id).orElseThrow(() -> missing);
        boolean own = attachment.uploadedBy().equals(access.userId());
        if (!own && (attachment.processInstanceId() == null || !maySeeInstance(attachment.processInstanceId()))) {
            throw missing;
        }
        return new Download(attachment, repository.content(id));
    }

    /** Camunda's READ on the instance (administrators), or a task of it that Camunda shows the user. */
    private boolean maySeeInstance(String processInstanceId) {
        Caller user = Caller.current(identity);
        return authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.READ,
                Resources.PROCESS_INSTANCE, processInstanceId)
                || tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private Attachment store(String processKey, String processInstanceId, Task task, String fileName, byte[] content,
                             int alreadyStored) {
        String name = cleanName(fileName);
        if (content.length == 0) {
            throw new RuleViolation("file", "请选择要上传的文件（所选文件为空）");
        }
        if (content.length > settings.maxFileSize().toBytes()) {
            throw new RuleViolation("file", "文件「" + name + "」超过大小上限 " + settings.maxFileSize().toMegabytes()
                    + " MB，请压缩或拆分后上传");
        }
        if (alreadyStored >= settings.maxFilesPerInstance()) {
            throw new RuleViolation("file", "附件已达 " + settings.maxFilesPerInstance() + " 个的上限");
        }
        FileType type = FileType.of(name, content).orElseThrow(() -> new RuleViolation("file",
                "文件「" + name + "」的内容不是所允许的类型，或与扩展名不符。只接受" + FileType.ACCEPTED));
        long id = repository.insert(processKey, processInstanceId, task == null ? null : task.getId(),
                task == null ? null : task.getName(), name, type, content, sha256(content), access.userId(), clock.now());
        return repository.find(id).orElseThrow();
    }

    /** The last part of the name as the browser sent it, without control characters, at most 200 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            throw new RuleViolation("file", "请选择要上传的文件");
        }
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
