package org.ethnicunity.platform.registry.web;

import java.util.List;

/** One page of a list: its rows, which page (from 0) of what size, how many rows match in all, the order. */
public record Paged<T>(List<T> items, int page, int size, long total, String sort, String direction) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
