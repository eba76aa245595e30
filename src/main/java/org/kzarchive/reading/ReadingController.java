package org.kzarchive.reading;

import java.util.Locale;

import org.kzarchive.archive.Addresses;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The reader's pages of one translation: full text, interview, timeline, photos, notes. */
@Controller
class ReadingController {

    static final String LANG = "{lang:" + Addresses.LANGUAGE_PATTERN + "}";
    static final String WORK = "{work:" + Addresses.WORK_PATTERN + "}";
    static final String OTHER = "{other:" + Addresses.LANGUAGE_PATTERN + "}";

    private final EditionLoader editions;
    private final PassageMarksLoader marks;

    ReadingController(EditionLoader editions, PassageMarksLoader marks) {
        this.editions = editions;
        this.marks = marks;
    }

    @GetMapping("/" + LANG + "/" + WORK)
    String fullText(@PathVariable String lang, @PathVariable String work, Model model) {
        return show("reading/text", lang, work, model);
    }

    /** The interview, timeline, photos and notes pages share the full text's data; each has its view. */
    @GetMapping("/" + LANG + "/" + WORK + "/{page:interview|timeline|photos|notes}")
    String part(@PathVariable String lang, @PathVariable String work, @PathVariable String page, Model model) {
        return show("reading/" + page, lang, work, model);
    }

    /** Two editions side by side: /it/work/parallel/en, and the interview alone: /it/work/interview/parallel/en. */
    @GetMapping({"/" + LANG + "/" + WORK + "/parallel/" + OTHER, "/" + LANG + "/" + WORK + "/{page:interview}/parallel/" + OTHER})
    String parallel(@PathVariable String lang, @PathVariable String work, @PathVariable(required = false) String page,
                    @PathVariable String other, Model model) {
        if (other.equals(lang)) {
            throw new PageNotFoundException("An edition beside itself: " + lang + "/" + work);
        }
        String which = page == null ? Addresses.TEXT : page;
        ParallelReading parallel = editions.parallel(lang, work, other, which)
                .orElseThrow(() -> new PageNotFoundException("No published pair " + lang + "/" + other + " of " + work));
        model.addAttribute("edition", parallel.left());
        model.addAttribute("parallel", parallel);
        model.addAttribute("page", which);
        model.addAttribute("locale", Locale.forLanguageTag(lang));
        return "reading/parallel";
    }

    private String show(String view, String lang, String work, Model model) {
        Edition edition = editions.published(lang, work)
                .orElseThrow(() -> new PageNotFoundException("No published translation " + lang + "/" + work));
        model.addAttribute("edition", edition);
        model.addAttribute("passages", marks.of(edition.translationId()));
        model.addAttribute("page", view.substring("reading/".length()));
        model.addAttribute("locale", Locale.forLanguageTag(lang));
        return view;
    }
}
