package org.ethnicunity.platform.registry.web;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the registry's list queries: one page, its count, or every row streamed. PostgreSQL's JDBC
 * driver reads a whole result into memory unless the statement has a fetch size and runs inside a
 * transaction; an export therefore streams through a cursor in a read-only transaction.
 */
@Component
class Listing {

    static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    Listing(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    <T> List<T> list(String sql, Map<String, Object> params, RowMapper<T> mapper) {
        return jdbc.query(sql, params, mapper);
    }

    long count(String sql, Map<String, Object> params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }

    /** Every row, in order, each handed to {@code sink} as it is read. */
    <T> void stream(String sql, Map<String, Object> params, RowMapper<T> mapper, Consumer<T> sink) {
        readOnly.executeWithoutResult(status -> streaming.query(sql, params, (RowCallbackHandler) rs ->
                sink.accept(mapper.mapRow(rs, rs.getRow()))));
    }
}
