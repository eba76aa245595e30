package org.kzarchive.citing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.system.PublicAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** "Cite this passage": every block links to its citation page, which gives plain text, BibTeX and CSL-JSON. */
@ArchiveIntegrationTest
class CitationTest {

    private static final String TEXT = "/it/kazakistan-dopo-la-rivolta";

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicAddress address;

    @Autowired
    Clock clock;

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyBlockOffersItsCitationBesideItsPermalink() throws Exception {
        Document text = page(TEXT);
        var blocks = text.select("main .block[id]");
        assertThat(blocks).hasSizeGreaterThan(100);
        for (Element block : blocks) {
            assertThat(block.select("> .block-links > a.cite-link").attr("href")).isEqualTo(TEXT + "/cite/" + block.id());
            assertThat(block.select("> .block-links > a.cite-link").attr("aria-label")).isEqualTo("Cita questo passo");
        }
        assertThat(text.select("head script[src]").eachAttr("src")).anyMatch(src -> src.contains("/assets/cite"));
    }

    @Test
    void theCitationPageGivesPlainTextBibtexAndCslJson() throws Exception {
        Document cite = page(TEXT + "/cite/inizio-rivolta");
        String url = address.absolute(TEXT) + "#inizio-rivolta";
        String today = LocalDate.now(clock).toString();
        assertThat(cite.selectFirst(".cited-passage").text()).startsWith("A partire dal 1° gennaio");

        String plain = cite.getElementById("cite-plain").text();
        assertThat(plain).contains("CrimethInc.", "«Il Kazakistan dopo la rivolta»", "Italiano", "Archivio · Kazakistan 2022", "§ ",
                url, today);

        String bibtex = cite.getElementById("cite-bibtex").wholeText();
        assertThat(bibtex).startsWith("@misc{kazakistan-dopo-la-rivolta-it-inizio-rivolta,").endsWith("}");
        assertThat(bibtex).contains("title = {{Il Kazakistan dopo la rivolta}}", "year = {2022}", "urldate = {" + today + "}",
                "url = {" + url.replace("#", "\\#") + "}");
        assertThat(bibtex.chars().filter(c -> c == '{').count()).isEqualTo(bibtex.chars().filter(c -> c == '}').count());

        JsonNode csl = JsonMapper.builder().build().readTree(cite.getElementById("cite-csl").wholeText()).get(0);
        assertThat(csl.get("title").asString()).isEqualTo("Il Kazakistan dopo la rivolta");
        assertThat(csl.get("URL").asString()).isEqualTo(url);
        assertThat(csl.get("language").asString()).isEqualTo("it");
        assertThat(csl.get("author").get(0).get("literal").asString()).isEqualTo("CrimethInc.");
        assertThat(csl.get("issued").get("date-parts").get(0).get(0).asInt()).isEqualTo(2022);
        assertThat(csl.get("accessed").get("date-parts").get(0).get(0).asInt()).isEqualTo(LocalDate.now(clock).getYear());
        assertThat(csl.get("label").asString()).isEqualTo("paragraph");
        assertThat(Integer.parseInt(csl.get("locator").asString())).isPositive();
    }

    @Test
    void aSectionHeadingCanBeCitedToo() throws Exception {
        assertThat(page(TEXT + "/cite/prigione-delle-nazioni").getElementById("cite-plain").text())
                .contains(address.absolute(TEXT) + "#prigione-delle-nazioni");
    }

    @Test
    void anUnknownPassageIsNotFound() throws Exception {
        mvc.perform(get(TEXT + "/cite/no-such-passage")).andExpect(status().isNotFound());
        mvc.perform(get("/xx/kazakistan-dopo-la-rivolta/cite/inizio-rivolta")).andExpect(status().isNotFound());
    }

    @Test
    void bibtexSpecialCharactersAreEscaped() {
        assertThat(Citations.bibtexText("50% {x} a_b \\ #1 & $")).isEqualTo("50\\% \\{x\\} a\\_b \\textbackslash{} \\#1 \\& \\$");
    }
}
