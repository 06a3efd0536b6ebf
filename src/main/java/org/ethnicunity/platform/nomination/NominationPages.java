package org.ethnicunity.platform.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.ethnicunity.platform.web.WebappLoginFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The nomination's pages for people, logged in as in Tasklist: the naming list (命名名单) of a naming
 * decision as PDF and Excel ({@code /nominations/naming/{instance}/list.pdf|.xlsx}, linked from the
 * naming task), a draft while the decision is open, the named list with its document number after.
 * Commission, leading-group and supervision staff of the campaign's region (or above) and
 * administrators may read it; to others it does not exist.
 */
@Controller
@RequestMapping(NominationPages.PATH)
class NominationPages extends PersonPage {

    static final String PATH = "/nominations/";
    private static final List<String> READERS = List.of(Roles.COMMISSION, Roles.LEADING_GROUP, Roles.SUPERVISION);

    private final HistoryService history;
    private final ApiAccess access;
    private final NamingListFiles files;

    NominationPages(WebappLogin login, IdentityService identity, HistoryService history, ApiAccess access,
                    NamingListFiles files) {
        super(login, identity, "命名名单", "找不到该命名名单");
        this.history = history;
        this.access = access;
        this.files = files;
    }

    @GetMapping("naming/{instanceId}/list.pdf")
    Object pdf(@PathVariable String instanceId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        return file(files.pdf(sheet(instanceId)), MediaType.APPLICATION_PDF, "命名名单.pdf");
    }

    @GetMapping("naming/{instanceId}/list.xlsx")
    Object xlsx(@PathVariable String instanceId, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        return file(files.xlsx(sheet(instanceId)), MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "命名名单.xlsx");
    }

    /** The naming instance's list as it stands: running or ended alike (history is full). */
    private NamingListFiles.Sheet sheet(String instanceId) {
        Map<String, TypedValue> typed = new HashMap<>();
        Map<String, Object> v = new HashMap<>();
        access.asPlatform(() -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceId).list())
                .stream().filter(h -> h.getName() != null)
                .forEach((HistoricVariableInstance h) -> {
                    TypedValue value = h.getTypedValue();
                    typed.put(h.getName(), value);
                    v.put(h.getName(), value == null ? null : value.getValue());
                });
        String region = NamingContract.CAMPAIGN_REGION_CODE.from(v);
        if (!typed.containsKey(NamingContract.NAMING_LIST.name()) || region == null || !access.hasRoleFor(region, READERS)) {
            throw new NotFound("找不到该命名名单，或您无权查看（命名名单仅供本级及上级民委、领导小组、监督检查人员查看）");
        }
        NamingList list = NamingList.of(typed.get(NamingContract.NAMING_LIST.name()));
        boolean named = NamingContract.NAMED_COUNT.from(v) != null;
        LocalDate date = NamingContract.NAMING_DATE.from(v);
        return new NamingListFiles.Sheet(NamingContract.CAMPAIGN_NAME.from(v), NamingContract.LEVEL_LABEL.from(v),
                named ? NamingContract.DOCUMENT_NUMBER.from(v) : null, named && date != null ? date.toString() : null, named,
                list.quotaText(), list.ready(), list.waiting());
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @Configuration(proxyBeanMethods = false)
    static class Login {

        @Bean
        FilterRegistrationBean<WebappLoginFilter> nominationPagesLogin(WebappLogin login, IdentityService identity) {
            return PersonPage.loginFilter("nomination-pages-login", PATH + "*", login, identity);
        }
    }
}
