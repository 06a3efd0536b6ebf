package org.ethnicunity.platform.database;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * A start-up that cannot reach its database ends in a stack of hundreds of lines whose first ERROR
 * names whichever bean asked for a connection first; the cause (SQL state 28P01, connection refused)
 * sits far below. This analyzer finds it in the cause chain and prints Spring Boot's short
 * "APPLICATION FAILED TO START" report: what is wrong, in Chinese and English, the database's URL
 * (without a password) and what to check. Failures that are not about reaching the database (a bad
 * migration, say) are left to the ordinary report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    /** Spring Boot hands failure analyzers the application's environment through this constructor. */
    public DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Cause cause = cause(failure);
        if (cause == null) {
            return null;
        }
        String url = withoutPassword(environment.getProperty("spring.datasource.url", ""));
        String user = environment.getProperty("spring.datasource.username", "");
        String where = (url.isBlank() ? "内置数据库 / embedded database" : url)
                + (user.isBlank() ? "" : "（用户 / user " + user + "）");
        return new FailureAnalysis(cause.problem + "\n数据库 / database: " + where + "\n原因 / cause: " + cause.detail,
                cause.check + "\n见 / see docs/operations.md#start-up-failures", failure);
    }

    private record Cause(String problem, String check, String detail) {
    }

    /** The first cause in the chain that says why the database could not be reached, or null. */
    static Cause cause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Cause cause = bySqlState(sql);
                if (cause != null) {
                    return cause;
                }
            }
            if (t instanceof UnknownHostException) {
                return unreachable("主机名无法解析 / unknown host", t);
            }
            if (t instanceof ConnectException) {
                return unreachable("连接被拒绝 / connection refused", t);
            }
            if (t instanceof SocketTimeoutException) {
                return unreachable("连接超时 / connection timed out", t);
            }
        }
        return null;
    }

    private static Cause bySqlState(SQLException sql) {
        String state = sql.getSQLState();
        return switch (state) {
            // invalid_password; invalid_authorization_specification (no pg_hba.conf entry, unknown user)
            case "28P01", "28000" -> new Cause(
                    "数据库拒绝登录：用户名或密码错误（SQL 状态 " + state + "）。 / The database refused the login: wrong user or password.",
                    "请核对 DB_USER 和 DB_PASSWORD，以及服务器 pg_hba.conf 是否允许本机登录。"
                            + " / Check DB_USER and DB_PASSWORD, and that pg_hba.conf admits this host.",
                    sql.getMessage());
            case "3D000" -> new Cause(
                    "数据库不存在（SQL 状态 3D000）。 / The database does not exist.",
                    "请核对 DB_URL 末尾的数据库名，或先在服务器上创建该数据库（CREATE DATABASE …）。"
                            + " / Check the database name at the end of DB_URL, or create it first.",
                    sql.getMessage());
            // cannot_connect_now (the server is starting or shutting down); too_many_connections
            case "57P03", "53300" -> new Cause(
                    "数据库暂时不接受连接（SQL 状态 " + state + "）。 / The database does not accept connections now.",
                    "请等待数据库启动完成，或检查 max_connections 与各节点连接池大小之和。"
                            + " / Wait until the server is up, or check max_connections against the pools of all nodes.",
                    sql.getMessage());
            default -> state.startsWith("08") && !hasNetworkCause(sql)
                    ? unreachable("无法建立连接（SQL 状态 " + state + "） / cannot connect", sql) : null;
        };
    }

    /** A connection error caused by a refused or timed-out socket is reported by that socket's exception. */
    private static boolean hasNetworkCause(Throwable t) {
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof SocketTimeoutException || c instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Cause unreachable(String how, Throwable t) {
        return new Cause("无法连接数据库：" + how + "。 / The database cannot be reached.",
                "请确认数据库服务器已启动，DB_URL 中的主机和端口正确，防火墙允许本机连接。"
                        + " / Check that the server is running, that host and port in DB_URL are right and that no firewall blocks them.",
                t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    /** A JDBC URL may carry the password as a parameter or in its user part: neither is printed. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }
}
