package org.ethnicunity.platform.nomination;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recommended list of a campaign (推荐名单) over the API, scoped as {@link RecommendedList} says:
 * each unit the lower commissions recommended, with the lower title, the reasons, who approved,
 * whether it has applied, and the link to its dossier. See docs/recommendation.md.
 */
@RestController
@RequestMapping("/api/campaigns")
class RecommendationController {

    private final RecommendedList list;

    RecommendationController(RecommendedList list) {
        this.list = list;
    }

    @GetMapping("/{code}/recommendations")
    List<RecommendedList.Recommended> recommended(@PathVariable String code) {
        return list.of(code).items();
    }
}
