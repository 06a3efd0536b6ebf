package org.ethnicunity.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who asks {@code /actuator/health}. The health answers everybody (a load balancer or a monitor asks
 * without signing in) but its details name the mail server's host and port, the disk's path and the
 * job executor's lock owner: {@code management.endpoint.health.show-details: when-authorized} with the
 * role {@code camunda-admin} shows them to administrators only. Spring Boot asks the servlet request
 * who calls ({@code getUserPrincipal}, {@code isUserInRole}); the platform has no Spring Security, so
 * this filter answers: with HTTP Basic credentials of a Camunda user it names the user and their groups
 * (the administrators' group is the role). Without credentials, or with wrong ones, the caller stays
 * anonymous and gets the statuses only: the health never answers 401, as a monitor must always get it.
 */
@Configuration(proxyBeanMethods = false)
class HealthCaller {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> healthCallerFilter(@Lazy IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(identity));
        registration.setName("health-caller");
        registration.addUrlPatterns("/actuator/health", "/actuator/health/*");
        registration.setOrder(10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final IdentityService identity;

        Filter(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            String user = null;
            Set<String> groups = Set.of();
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String[] credentials = decode(header.substring(6).trim());
                if (credentials != null && identity.checkPassword(credentials[0], credentials[1])) {
                    user = credentials[0];
                    groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                            .collect(Collectors.toUnmodifiableSet());
                }
            }
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            String name = user;
            Set<String> roles = groups;
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> name;
                }

                @Override
                public String getRemoteUser() {
                    return name;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return roles.contains(role);
                }
            }, response);
        }

        private static String[] decode(String encoded) {
            try {
                String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon <= 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }
}
