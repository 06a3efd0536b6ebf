package org.ethnicunity.platform.launcher;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.ethnicunity.platform.engine.RuleViolation;
import org.springframework.stereotype.Component;

/** The kinds the lifecycles contribute, by code, in the start form's order. */
@Component
class LaunchKinds {

    private final List<LaunchKind> kinds;

    LaunchKinds(List<LaunchKind> kinds) {
        this.kinds = kinds.stream().sorted(Comparator.comparing(LaunchKind::matter)).toList();
    }

    LaunchKind of(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolation("launchKind", "请选择「发起事项」（可选：" + offered() + "）");
        }
        return kinds.stream().filter(k -> k.code().equals(code.trim())).findFirst()
                .orElseThrow(() -> new RuleViolation("launchKind", "「" + code + "」不是可批量发起的事项，可选：" + offered()));
    }

    List<LaunchKind> all() {
        return kinds;
    }

    String offered() {
        return kinds.stream().map(k -> k.label() + " " + k.code()).collect(Collectors.joining("、"));
    }
}
