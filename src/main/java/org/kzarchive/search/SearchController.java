package org.kzarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kzarchive.archive.Languages;
import org.kzarchive.system.InterfaceLanguage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page. Every parameter arrives as text and is read leniently, so anything a reader
 * types or a link carries gets a page with an explanation, never an error. {@code lang} chooses
 * which editions are searched, {@code hl} the language the page speaks (see {@link InterfaceLanguage}).
 */
@Controller
class SearchController {

    static final String VIEW = "search/results";

    private final PassageSearch search;
    private final MessageSource messages;

    SearchController(PassageSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping(SearchLinks.PATH)
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String lang,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String page,
                  @RequestParam(name = InterfaceLanguage.PARAMETER, required = false) String hl,
                  @RequestAttribute(name = UnreadableAddressFilter.REPAIRED, required = false) Boolean repaired,
                  Locale locale, Model model) {
        SearchParameters parameters = SearchParameters.read(q, lang, kind, page);
        // the interface language is chosen by hl only; lang filters the editions searched
        String chosenInterface = InterfaceLanguage.supported(hl).map(Locale::toLanguageTag).orElse(null);
        List<String> notices = new ArrayList<>();
        if (Boolean.TRUE.equals(repaired)) {
            notices.add(messages.getMessage("search.notice.unreadable-address", null, locale));
        }
        if (search.indexRebuilding()) {
            notices.add(messages.getMessage("search.notice.index-rebuilding", null, locale));
        }
        parameters.problems().forEach(problem ->
                notices.add(messages.getMessage(problem.key(), new Object[] {problem.value()}, locale)));
        if (!parameters.hasQuery()) {
            model.addAttribute("query", "");
            model.addAttribute("notices", notices);
            model.addAttribute("interfaceLanguages", InterfaceLanguage.choices(locale, Languages::nativeName,
                    language -> SearchLinks.PATH + "?" + InterfaceLanguage.PARAMETER + "=" + language));
            return VIEW;
        }
        SearchResults results = search.search(parameters.request());
        for (QueryNotice notice : results.notices()) {
            notices.add(messages.getMessage(notice.key(), new Object[] {ReaderQueryParser.MAX_LENGTH,
                    ReaderQueryParser.MAX_WORDS, ReaderQueryParser.MIN_PREFIX}, notice.text(), locale));
        }
        SearchPage shown = SearchPage.of(results, chosenInterface);
        if (parameters.requestedPage() > shown.page() && shown.total() > 0) {
            notices.add(messages.getMessage("search.notice.page-beyond", new Object[] {shown.page()}, locale));
        }
        model.addAttribute("query", results.query());
        model.addAttribute("notices", notices);
        model.addAttribute("results", shown);
        SearchRequest asked = parameters.request();
        model.addAttribute("interfaceLanguages", InterfaceLanguage.choices(locale, Languages::nativeName,
                language -> SearchLinks.to(results.query(), asked.language(), asked.kind(), shown.page(), language)));
        model.addAttribute("noindex", true);
        return VIEW;
    }
}
