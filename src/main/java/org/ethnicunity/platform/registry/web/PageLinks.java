package org.ethnicunity.platform.registry.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a list page, each keeping the filters: to another page, to another order (the same
 * key again flips the direction), and to the export of everything the filters match.
 */
record PageLinks(String path, Map<String, String> filters, String sort, String direction) {

    public String page(int page) {
        Map<String, String> q = new LinkedHashMap<>(filters);
        q.put("sort", sort);
        q.put("dir", direction);
        q.put("page", Integer.toString(page));
        return build(path, q);
    }

    public String sort(String key) {
        Map<String, String> q = new LinkedHashMap<>(filters);
        q.put("sort", key);
        q.put("dir", key.equals(sort) && direction.equals("asc") ? "desc" : "asc");
        return build(path, q);
    }

    /** ▲ or ▼ beside the column the list is ordered by. */
    public String arrow(String key) {
        return key.equals(sort) ? (direction.equals("asc") ? " ▲" : " ▼") : "";
    }

    public String export() {
        Map<String, String> q = new LinkedHashMap<>(filters);
        q.put("sort", sort);
        q.put("dir", direction);
        return build(path + ".xlsx", q);
    }

    private static String build(String path, Map<String, String> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        query.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
