package org.ethnicunity.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user who is not an administrator may call on the engine's REST API, whether through
 * {@code /engine-rest} or the web apps' copy of it under {@code /camunda/api/engine}: the reads
 * Tasklist needs (the engine scopes their results by region and role) and the writes of one's own
 * work: claim and unclaim, submit or complete a task, comment, start a process, one's own profile
 * and password. Everything else is refused, so a new endpoint of a later Camunda version is closed
 * until somebody opens it here.
 */
final class EngineApiRules {

    private static final String ID = "[^/]+";
    /** A process definition by id or key; "statistics" is not an id (it counts every region's instances). */
    private static final String DEFINITION = "/process-definition/((?!statistics$)" + ID + "|key/" + ID + "(/tenant-id/" + ID + ")?)";

    private record Rule(String method, Pattern path) {
    }

    private static final List<Rule> ALLOWED = List.of(
            get("/version"),
            get("/engine/?"),
            get("/task(/count)?"),
            post("/task(/count)?"),
            get("/task/" + ID),
            get("/task/" + ID + "/(form|rendered-form|deployed-form|form-variables|identity-links)"),
            get("/task/" + ID + "/(variables|localVariables)(/" + ID + "(/data)?)?"),
            get("/task/" + ID + "/comment(/" + ID + ")?"),
            get("/task/" + ID + "/attachment(/" + ID + "(/data)?)?"),
            post("/task/" + ID + "/(claim|unclaim|submit-form|complete|comment/create)"),
            get("/filter(/count)?"),
            get("/filter/" + ID),
            get("/filter/" + ID + "/(list|count|singleResult)"),
            post("/filter/" + ID + "/(list|count|singleResult)"),
            get("/process-definition(/count)?"),
            get(DEFINITION),
            get(DEFINITION + "/(startForm|deployed-start-form|rendered-form|form-variables|xml)"),
            post(DEFINITION + "/(start|submit-form)"),
            get("/history/user-operation(/count)?"),
            get("/group(/count)?"),
            get("/user/" + ID + "/profile"),
            get("/identity/password-policy"),
            post("/identity/password-policy"));

    /** Paths that name a user: allowed for that user only. */
    private static final Pattern OWN_USER = Pattern.compile("/user/([^/]+)/(credentials|profile)");

    private EngineApiRules() {
    }

    /**
     * @param path   the engine REST path without its prefix, e.g. {@code /task/42/claim}
     * @param query  the request's query parameters
     * @return empty when allowed, else the reason in Chinese and English
     */
    static Optional<String> refusal(String method, String path, Map<String, String[]> query, String userId) {
        if ("OPTIONS".equals(method)) {
            return Optional.empty(); // Camunda's "which actions may I take here" (Tasklist asks it of /filter): a read
        }
        var own = OWN_USER.matcher(path);
        if (own.matches() && ("PUT".equals(method) || "GET".equals(method))) {
            return own.group(1).equals(userId) ? Optional.empty()
                    : Optional.of("只能查看或修改本人的账户信息 / only your own account");
        }
        if ("GET".equals(method) && "/identity/groups".equals(path)) {
            String[] asked = query.get("userId");
            return asked != null && asked.length == 1 && asked[0].equals(userId) ? Optional.empty()
                    : Optional.of("只能查询本人所在的组 / only your own groups");
        }
        for (Rule rule : ALLOWED) {
            if (rule.method().equals(method) && rule.path().matcher(path).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of("您无权执行此操作（" + method + " " + path + "）：流程只能通过任务表单办理，其他操作由系统管理员进行"
                + " / not allowed: work changes a process only through its task form");
    }

    private static Rule get(String path) {
        return new Rule("GET", Pattern.compile(path));
    }

    private static Rule post(String path) {
        return new Rule("POST", Pattern.compile(path));
    }
}
