package org.kzarchive.editing;

import java.util.List;

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
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Two filter chains: everything under /admin needs a signed-in editor (form sign-in with
 * throttling, CSRF tokens, a new session id after sign-in, sign-out); every other address stays
 * public and sessionless. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class EditingSecurityConfiguration {

    /** No inline script or style anywhere: templates use /assets/*.css only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String SIGN_IN = "/admin/sign-in";

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
                                .maximumSessions(-1)
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

    /** Answers an oversized upload before the CSRF check could misread it as a forged form. */
    @Bean
    FilterRegistrationBean<UploadSizeLimit> uploadSizeLimit() {
        var registration = new FilterRegistrationBean<>(new UploadSizeLimit(UploadSizeLimit.MAX_REQUEST_BYTES));
        registration.addUrlPatterns("/admin/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
