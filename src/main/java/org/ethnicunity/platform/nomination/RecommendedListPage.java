package org.ethnicunity.platform.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.web.PersonPage;
import org.ethnicunity.platform.web.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /registry/campaigns/{code}/recommendations}, linked from the registry's campaign list: the
 * recommended list for the upper commission (or a recommending commission's own part of it) as a
 * page, after the Tasklist login (the registry pages' login filter covers the path).
 */
@Controller
class RecommendedListPage extends PersonPage {

    static final String PATH = "/registry/campaigns/{code}/recommendations";

    private final RecommendedList list;

    RecommendedListPage(RecommendedList list, WebappLogin login, IdentityService identity) {
        super(login, identity, "推荐名单", "找不到推荐名单");
        this.list = list;
    }

    @GetMapping(PATH)
    String page(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> loginForm = loginForm(request, response, model);
        if (loginForm.isPresent()) {
            return loginForm.get();
        }
        model.addAttribute("view", list.of(code));
        model.addAttribute("active", "campaigns");
        return "nomination/recommendations";
    }
}
