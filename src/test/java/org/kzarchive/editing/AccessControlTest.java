package org.kzarchive.editing;

import org.kzarchive.accounts.EditorAccounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/** Who may see what: editors sign in to /admin, readers need nothing, and the usual attacks are refused. */
@ArchiveIntegrationTest
class AccessControlTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigurableApplicationContext context;

    @LocalServerPort
    int port;

    private EditingFixtures fixtures;
    /** a fresh client address per test, so that the throttle of one test does not touch another */
    private String address;

    @BeforeEach
    void setUp() {
        fixtures = new EditingFixtures(context);
        fixtures.editor("gate-editor", false);
        fixtures.editor("gate-admin", true);
        address = "192.0.2." + ADDRESSES.incrementAndGet();
    }

    private RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    private MockHttpServletRequestBuilder signInForm(String username, String password) {
        return post("/admin/sign-in").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private Cookie signIn(String username) throws Exception {
        return mvc.perform(signInForm(username, EditingFixtures.PASSWORD))
                .andExpect(redirectedUrl("/admin")).andExpect(authenticated())
                .andReturn().getResponse().getCookie("SESSION"); // sessions live in PostgreSQL (Spring Session)
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/translations/new", "/admin/translations/1", "/admin/translations/1/history",
            "/admin/translations/1/export", "/admin/editors", "/admin/audit", "/admin/account"})
    void anonymousVisitorsOfEditingPagesAreSentToTheSignInPage(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andExpect(status().isFound())
                .andExpect(redirectedUrl(path.equals("/admin") ? "/admin/sign-in" : "/admin/sign-in?continue=" + path)).andReturn();
        assertThat(result.getRequest().getSession(false)).as("no session for an anonymous visitor").isNull();
    }

    @Test
    void anonymousVisitorsKeepNothingOnTheServerWhateverTheySend() throws Exception {
        String padding = "x".repeat(30_000);
        MvcResult asked = mvc.perform(get("/admin/translations/1/history").param("padding", padding).header("X-Padding", padding))
                .andExpect(redirectedUrl("/admin/sign-in?continue=/admin/translations/1/history")).andReturn();
        assertThat(asked.getRequest().getSession(false)).isNull();
        assertThat(asked.getResponse().getCookie("SESSION")).as("no session is stored for an anonymous visitor").isNull();
        mvc.perform(get("/admin/" + padding)).andExpect(redirectedUrl("/admin/sign-in"));
        withTheApplicationsOwnCsrfTokens();
        MvcResult signInPage = mvc.perform(get("/admin/sign-in")).andExpect(status().isOk()).andReturn();
        assertThat(signInPage.getRequest().getSession(false)).as("the sign-in form's token travels in a cookie").isNull();
        assertThat(signInPage.getResponse().getCookie("SESSION")).as("the sign-in form starts no session").isNull();
    }

    /**
     * Spring Security's csrf() test helper, used by most tests here, swaps the application's CSRF token
     * store for one kept in the session; put the application's own back.
     */
    private void withTheApplicationsOwnCsrfTokens() {
        var request = new MockHttpServletRequest(((WebApplicationContext) context).getServletContext(), "GET", "/admin/sign-in");
        WebTestUtils.setCsrfTokenRepository(request, EditingSecurityConfiguration.csrfTokens());
    }

    @Test
    void afterSigningInTheEditorGoesOnToThePageTheyAskedFor() throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/admin/sign-in").param("continue", "/admin/translations/new"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("input[name=continue]").attr("value")).isEqualTo("/admin/translations/new");
        mvc.perform(signInForm("gate-editor", EditingFixtures.PASSWORD).param("continue", "/admin/translations/new"))
                .andExpect(redirectedUrl("/admin/translations/new"));
        for (String elsewhere : new String[] {"//evil.example/admin", "https://evil.example", "/admin/../search", "/admin?x=1"}) {
            mvc.perform(signInForm("gate-editor", EditingFixtures.PASSWORD).param("continue", elsewhere))
                    .andExpect(redirectedUrl("/admin"));
        }
    }

    @Test
    void changingThePasswordSignsOutTheEditorsOtherSessions() throws Exception {
        String name = "moving-editor-" + NAMES.incrementAndGet();
        fixtures.editor(name, false);
        Cookie here = signIn(name);
        Cookie elsewhere = signIn(name);
        mvc.perform(post("/admin/account/password").cookie(here).with(csrf()).param("current", EditingFixtures.PASSWORD)
                .param("password", "a brand new password").param("repeated", "a brand new password"))
                .andExpect(redirectedUrl("/admin/account"));
        mvc.perform(get("/admin").cookie(elsewhere)).andExpect(redirectedUrl("/admin/sign-in?expired"));
        mvc.perform(get("/admin").cookie(here)).andExpect(status().isOk());
    }

    @Test
    void aSignInFromAnOverlongAddressSucceedsAndIsAudited() throws Exception {
        address = "2001:db8::" + "f".repeat(100);
        mvc.perform(signInForm("gate-editor", EditingFixtures.PASSWORD)).andExpect(redirectedUrl("/admin")).andExpect(authenticated());
        var page = Jsoup.parse(mvc.perform(get("/admin/audit").with(user("gate-admin").roles("EDITOR", "ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("table.audit tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("gate-editor", "signed in", address.substring(0, 64)));
    }

    @Test
    void forwardedForHeadersFromAnyoneButTheTrustedProxyAreIgnored() throws Exception {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            mvc.perform(signInForm("gate-editor", "guess " + i).header("X-Forwarded-For", "203.0.113." + i))
                    .andExpect(redirectedUrl("/admin/sign-in?error"));
        }
        mvc.perform(signInForm("gate-editor", EditingFixtures.PASSWORD).header("X-Forwarded-For", "203.0.113.99"))
                .andExpect(redirectedUrl("/admin/sign-in?throttled=15"));
        var page = Jsoup.parse(mvc.perform(get("/admin/audit").with(user("gate-admin").roles("EDITOR", "ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("table.audit tbody tr").eachText()).noneSatisfy(row -> assertThat(row).contains("203.0.113."));
    }

    @Test
    void theSignInPageIsOpenAndItsFormCarriesACsrfToken() throws Exception {
        var page = Jsoup.parse(mvc.perform(get("/admin/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("form[action=/admin/sign-in] input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(page.select("input[name=username], input[name=password]")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/it/kazakistan-dopo-la-rivolta", "/it/kazakistan-dopo-la-rivolta/notes", "/actuator/health",
            "/assets/site.css"})
    void readersPagesStayOpenAndSetNoCookie(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void theReadersSearchIsNotBehindTheSignIn() throws Exception {
        int status = mvc.perform(get("/search").param("q", "Almaty")).andReturn().getResponse().getStatus();
        assertThat(status).as("404 until the search is merged, 200 after; never a sign-in").isIn(200, 404);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        mvc.perform(signInForm("gate-editor", "not the password")).andExpect(redirectedUrl("/admin/sign-in?error"))
                .andExpect(unauthenticated());
        mvc.perform(signInForm("nobody-at-all", "not the password")).andExpect(redirectedUrl("/admin/sign-in?error"));
        var page = Jsoup.parse(mvc.perform(get("/admin/sign-in?error")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".flash.error").text()).startsWith("Wrong user name or password.");
    }

    @Test
    void theSignInPageStartsNoSessionAndSigningInStartsOne() throws Exception {
        // over real HTTP, as a browser: the sign-in page keeps nothing on the server (its CSRF token is a cookie)
        withTheApplicationsOwnCsrfTokens();
        var cookies = new java.net.CookieManager();
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String token = csrfToken(client, base + "/admin/sign-in");
        assertThat(sessionCookie(cookies)).isNull();
        var failed = postForm(client, base + "/admin/sign-in", "username=gate-editor&password=wrong&_csrf=" + encode(token));
        assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/sign-in?error"));
        assertThat(sessionCookie(cookies)).as("nor does a failed sign-in").isNull();

        var signedIn = postForm(client, base + "/admin/sign-in", "username=gate-editor&password=" + encode(EditingFixtures.PASSWORD)
                + "&_csrf=" + encode(token));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(sessionCookie(cookies)).isNotNull();
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aFormLargerThanTheSignInIsReadOnlyFromASignedInEditor() throws Exception {
        withTheApplicationsOwnCsrfTokens();
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        String markdown = "language: de\n\n# Titel\n\n" + "Ein langer Absatz. ".repeat(3_000); // 57 KB
        String signInToken = csrfToken(client, base + "/admin/sign-in");
        var anonymous = postForm(client, base + "/admin/translations/preview", "work=" + EditingFixtures.SEED_WORK
                + "&language=de&markdown=" + encode(markdown) + "&_csrf=" + encode(signInToken));
        assertThat(anonymous.statusCode()).as("refused before its body is read").isEqualTo(413);

        var signedIn = postForm(client, base + "/admin/sign-in", "username=gate-editor&password=" + encode(EditingFixtures.PASSWORD)
                + "&_csrf=" + encode(signInToken));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        var editors = postForm(client, base + "/admin/translations/preview", "work=" + EditingFixtures.SEED_WORK
                + "&language=de&markdown=" + encode(markdown) + "&_csrf=" + encode(csrfToken(client, base + "/admin/translations/new")));
        assertThat(editors.statusCode()).isEqualTo(200);
        assertThat(editors.body()).contains("Ein langer Absatz.");
    }

    private static String csrfToken(java.net.http.HttpClient client, String page) throws Exception {
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(page)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(response.body()).select("input[name=_csrf]").attr("value");
    }

    private static java.net.http.HttpResponse<String> postForm(java.net.http.HttpClient client, String address, String form)
            throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(address))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sessionCookie(java.net.CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() throws Exception {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            mvc.perform(signInForm("gate-editor", "guess " + i)).andExpect(redirectedUrl("/admin/sign-in?error"));
        }
        mvc.perform(signInForm("gate-editor", EditingFixtures.PASSWORD))
                .andExpect(redirectedUrl("/admin/sign-in?throttled=15")).andExpect(unauthenticated());
        var page = Jsoup.parse(mvc.perform(get("/admin/sign-in?throttled=15")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".flash.error").text()).isEqualTo(
                "Too many failed sign-ins from here for this account. Wait 15 minutes, then try again.");

        address = "198.51.100." + ADDRESSES.incrementAndGet();
        // the editor, from another address
        mvc.perform(signInForm("gate-editor", EditingFixtures.PASSWORD))
                .andExpect(redirectedUrl("/admin"));
    }

    @Test
    void formsWithoutACsrfTokenAreForbidden() throws Exception {
        mvc.perform(post("/admin/sign-in").param("username", "gate-editor").param("password", EditingFixtures.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/translations").param("work", EditingFixtures.SEED_WORK).param("language", "de")
                .param("markdown", "x").with(user("gate-editor").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/translations/1/unpublish").with(user("gate-editor").roles("EDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/editors").param("username", "intruder").param("password", "x".repeat(20))
                .with(user("gate-admin").roles("EDITOR", "ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/translations/1/unpublish").with(user("gate-editor").roles("EDITOR")).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(fixtures.translationId(EditingFixtures.SEED_WORK, "de")).isNull();
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Cookie session = signIn("gate-editor");
        mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/admin/sign-out").cookie(session).with(csrf())).andExpect(redirectedUrl("/admin/sign-in?signed-out"));
        mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrl("/admin/sign-in"));
    }

    @Test
    void onlyAdministratorsManageAccountsAndReadTheAuditLog() throws Exception {
        mvc.perform(get("/admin/editors").with(user("gate-editor").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user("gate-editor").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/editors").with(user("gate-admin").roles("EDITOR", "ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorAddsAnEditorWhoCanThenSignIn() throws Exception {
        String name = "new-editor-" + NAMES.incrementAndGet();
        mvc.perform(post("/admin/editors").param("username", name).param("password", EditingFixtures.PASSWORD)
                        .with(user("gate-admin").roles("EDITOR", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/editors"));
        mvc.perform(formLogin("/admin/sign-in").user(name).password(EditingFixtures.PASSWORD)).andExpect(redirectedUrl("/admin"));
    }

    @Test
    void aWeakPasswordOrATakenNameIsRefusedWithTheReason() throws Exception {
        var page = Jsoup.parse(mvc.perform(post("/admin/editors").param("username", "gate-editor").param("password", "short")
                        .with(user("gate-admin").roles("EDITOR", "ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".flash.error").text()).isEqualTo("There is already an editor called 'gate-editor'. Choose another name.");
        page = Jsoup.parse(mvc.perform(post("/admin/editors").param("username", "someone-new").param("password", "short")
                        .with(user("gate-admin").roles("EDITOR", "ADMIN")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".flash.error").text()).isEqualTo("The password is too short: use at least 12 characters.");
    }

    @Test
    void aDisabledEditorIsSignedOutAndCannotSignInAgain() throws Exception {
        String name = "leaving-editor-" + NAMES.incrementAndGet();
        fixtures.editor(name, false);
        Cookie session = signIn(name);
        long id = context.getBean(EditorAccounts.class).find(name).orElseThrow().getId();

        mvc.perform(post("/admin/editors/" + id + "/disable").with(user("gate-admin").roles("EDITOR", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/editors"));

        mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrl("/admin/sign-in?expired"));
        mvc.perform(signInForm(name, EditingFixtures.PASSWORD)).andExpect(redirectedUrl("/admin/sign-in?error"));
    }

    @Test
    void theAuditLogShowsAdministratorsWhoSignedInAndWhoFailed() throws Exception {
        signIn("gate-editor");
        mvc.perform(signInForm("gate-editor", "wrong password"));
        var page = Jsoup.parse(mvc.perform(get("/admin/audit").with(user("gate-admin").roles("EDITOR", "ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        var rows = page.select("table.audit tbody tr");
        assertThat(rows.eachText()).anySatisfy(row -> assertThat(row).contains("gate-editor", "signed in", address));
        assertThat(rows.eachText()).anySatisfy(row -> assertThat(row).contains("gate-editor", "sign in failed", address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/it/kazakistan-dopo-la-rivolta", "/it/kazakistan-dopo-la-rivolta/timeline", "/admin/sign-in",
            "/admin", "/pagina-che-non-esiste"})
    void everyPageSendsTheSecurityHeaders(String path) throws Exception {
        mvc.perform(get(path).with(user("gate-editor").roles("EDITOR")))
                .andExpect(header().string("Content-Security-Policy", EditingSecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        assertThat(EditingSecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "data:");
    }

    @Test
    void noTemplateHasInlineScriptStyleOrEventHandlers() throws Exception {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*application/ld\\+json)|<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(15);
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(inline.matcher(html).find()).as(template.getFilename()).isFalse();
        }
    }
}
