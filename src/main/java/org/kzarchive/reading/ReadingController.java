package org.kzarchive.reading;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The reader's pages of one translation: full text, interview, timeline, photos, notes. */
@Controller
class ReadingController {

    static final String LANG = "{lang:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}";
    static final String WORK = "{work:[a-z0-9]+(?:-[a-z0-9]+)*}";

    private final EditionLoader editions;

    ReadingController(EditionLoader editions) {
        this.editions = editions;
    }

    @GetMapping("/" + LANG + "/" + WORK)
    String fullText(@PathVariable String lang, @PathVariable String work, Model model) {
        return show("reading/text", lang, work, model);
    }

    @GetMapping("/" + LANG + "/" + WORK + "/interview")
    String interview(@PathVariable String lang, @PathVariable String work, Model model) {
        return show("reading/interview", lang, work, model);
    }

    @GetMapping("/" + LANG + "/" + WORK + "/timeline")
    String timeline(@PathVariable String lang, @PathVariable String work, Model model) {
        return show("reading/timeline", lang, work, model);
    }

    @GetMapping("/" + LANG + "/" + WORK + "/photos")
    String photos(@PathVariable String lang, @PathVariable String work, Model model) {
        return show("reading/photos", lang, work, model);
    }

    @GetMapping("/" + LANG + "/" + WORK + "/notes")
    String notes(@PathVariable String lang, @PathVariable String work, Model model) {
        return show("reading/notes", lang, work, model);
    }

    private String show(String view, String lang, String work, Model model) {
        Edition edition = editions.published(lang, work)
                .orElseThrow(() -> new PageNotFoundException("No published translation " + lang + "/" + work));
        model.addAttribute("edition", edition);
        model.addAttribute("locale", Locale.forLanguageTag(lang));
        return view;
    }
}
