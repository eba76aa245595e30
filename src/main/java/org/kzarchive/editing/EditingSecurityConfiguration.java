package org.kzarchive.editing;

import java.io.IOException;
import java.util.List;

import org.kzarchive.accounts.AuditLog;
import org.kzarchive.accounts.EditorAccounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Two filter chains: everything under /admin needs a signed-in editor (form sign-in with
 * throttling, CSRF tokens, a new session id after sign-in, sign-out); every other address stays
 * public and sessionless. Both send the same security headers.
 *
 * <p>Anonymous visitors never get a session, so they cannot make the server keep anything: the
 * CSRF token of the sign-in form travels in a cookie, and the page asked for before signing in
 * travels in the sign-in address ({@link ContinuePath}), not in a saved request.
 */
@Configuration(proxyBeanMethods = false)
class EditingSecurityConfiguration {

    /** No inline script or style anywhere: templates use /assets/*.css only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String SIGN_IN = "/admin/sign-in";
    /** sessions one editor may have open; signing in once more ends the least recently used */
    static final int SESSIONS_PER_EDITOR = 10;

    @Bean
    @Order(1)
    SecurityFilterChain adminPages(HttpSecurity http, EditorAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle,
                                   SessionRegistry sessions, AuditLog audit) throws Exception {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(accounts);
        passwordCheck.setPasswordEncoder(passwords);
        // its own manager without a parent: a throttled attempt must not be retried elsewhere
        ProviderManager signIn = new ProviderManager(List.of(new ThrottledSignIn(passwordCheck, throttle)));
        SignInEvents events = new SignInEvents(audit);
        http.securityMatcher("/admin", "/admin/**")
                .authenticationManager(signIn)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(EditingSecurityConfiguration::toSignIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN).permitAll()
                        .requestMatchers("/admin/editors", "/admin/editors/**", "/admin/audit").hasRole("ADMIN")
                        .anyRequest().hasRole("EDITOR"))
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .successHandler(events)
                        .failureHandler(events))
                .logout(logout -> logout
                        .logoutUrl("/admin/sign-out")
                        .addLogoutHandler(events)
                        .logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .sessionConcurrency(concurrency -> concurrency
                                .maximumSessions(SESSIONS_PER_EDITOR)
                                .sessionRegistry(sessions)
                                .expiredUrl(SIGN_IN + "?expired")))
                .headers(headers -> securityHeaders(headers)
                        .addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // readers' pages may be cached; the admin keeps Spring Security's no-store
                .headers(headers -> securityHeaders(headers).cacheControl(cache -> cache.disable()));
        return http.build();
    }

    /** The forms' CSRF tokens travel in a cookie (sent only to /admin), so an anonymous visitor needs no session. */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookiePath("/admin");
        return tokens;
    }

    /** An anonymous visitor of an editing page goes to the sign-in page, which sends them back after signing in. */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String onward = request.getMethod().equals("GET") ? ContinuePath.of(path).filter(p -> !p.equals("/admin"))
                .map(p -> "?" + ContinuePath.PARAMETER + "=" + p).orElse("") : "";
        response.sendRedirect(request.getContextPath() + SIGN_IN + onward);
    }

    private static HeadersConfigurer<HttpSecurity> securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                .contentTypeOptions(nosniff -> { })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm named in each hash so that it can change later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Sessions live in PostgreSQL (Spring Session JDBC): every instance sees them, and can end them. */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /**
     * Answers an oversized form, on any address, after the session is known (Spring Session's filter)
     * and before the CSRF check would read it, or misread it as a forged form.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
