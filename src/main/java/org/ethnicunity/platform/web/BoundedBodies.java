package org.ethnicunity.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.ethnicunity.platform.security.BufferedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is bounded, however it is sent. Tomcat bounds only form posts
 * ({@code server.tomcat.max-http-form-post-size}, chunked ones too, but by dropping the parameters
 * silently) and multipart uploads ({@code spring.servlet.multipart.*}); a JSON body, chunked or with a
 * large Content-Length, was read whole by Jackson or by the REST API ({@code max-swallow-size} only
 * concerns what is left unread after an answer). So, before anything reads it:
 * <ul>
 * <li>a declared Content-Length above the limit is refused at once (413, in Chinese, nothing read);</li>
 * <li>a body without a length (chunked) is read here up to the limit plus one byte: more is refused
 * the same way; what fits is handed on from memory (a form's fields parsed from it, since the
 * container no longer can);</li>
 * <li>a body with a length within the limit is left alone: the container reads no more than it
 * declares.</li>
 * </ul>
 * Multipart uploads are left to their own limits (attachments, the import page), which hold for
 * chunked uploads too. The limit is {@code app.web.max-request-body} (2 MB: a form with several
 * 20,000-character texts is about 0.4 MB even escaped) or a module's {@link BodyLimit} for its paths.
 */
@Configuration(proxyBeanMethods = false)
class BoundedBodies {

    private static final Logger log = LoggerFactory.getLogger(BoundedBodies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> boundedBodiesFilter(
            @Value("${app.web.max-request-body:2MB}") DataSize general, ObjectProvider<BodyLimit> limits) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(general, limits.orderedStream().toList()));
        registration.setName("bounded-bodies");
        registration.addUrlPatterns("/*");
        // After Spring's character encoding filter (highest precedence), before anything that reads a body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final BodyLimit general;
        private final List<BodyLimit> limits;

        Filter(DataSize general, List<BodyLimit> limits) {
            this.general = new BodyLimit("/", general.toBytes(), "请求内容超过上限（" + describe(general.toBytes())
                    + "），请精简后重新提交；文件请通过附件上传");
            this.limits = limits.stream().sorted(Comparator.comparingInt((BodyLimit l) -> l.pathPrefix().length()).reversed())
                    .toList();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType();
            if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
                chain.doFilter(request, response);
                return;
            }
            BodyLimit limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
            long declared = request.getContentLengthLong();
            if (declared > limit.maxBytes()) {
                refuse(request, response, limit);
                return;
            }
            if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit.maxBytes()) + 1);
            if (body.length > limit.maxBytes()) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedRequest(request, body), response);
        }

        BodyLimit limitFor(String path) {
            return limits.stream().filter(l -> path.startsWith(l.pathPrefix())).findFirst().orElse(general);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, BodyLimit limit) throws IOException {
            log.info("Refused {} {} from {}: body over {} bytes (Content-Length {})", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr(), limit.maxBytes(), request.getContentLengthLong());
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // The rest of an oversized body is not read; the connection closes instead of swallowing it.
            response.setHeader("Connection", "close");
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>提交内容过长"
                        + "</title></head><body><h1>提交内容过长</h1><p>" + escape(limit.message()) + "</p></body></html>");
            } else {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                JSON.writeValue(response.getWriter(), new ApiError("request.tooLarge", limit.message()));
            }
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }


}
