package org.kzarchive.citing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.kzarchive.reading.Edition;
import org.kzarchive.reading.EditionLoader;
import org.kzarchive.reading.PageNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** "Cite this passage" without JavaScript: /{lang}/{work}/cite/{block}, the page the block's cite link opens. */
@Controller
class CitationController {

    static final String VIEW = "citing/cite";

    private final EditionLoader editions;
    private final Citations citations;
    private final Clock clock;

    CitationController(EditionLoader editions, Citations citations, Clock clock) {
        this.editions = editions;
        this.citations = citations;
        this.clock = clock;
    }

    @GetMapping("/{lang:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}/{work:[a-z0-9]+(?:-[a-z0-9]+)*}/cite/{block}")
    String cite(@PathVariable String lang, @PathVariable String work, @PathVariable String block, Model model) {
        Edition edition = editions.published(lang, work)
                .orElseThrow(() -> new PageNotFoundException("No published translation " + lang + "/" + work));
        Citation citation = citations.of(edition, block, LocalDate.now(clock))
                .orElseThrow(() -> new PageNotFoundException("No passage " + block + " in " + lang + "/" + work));
        model.addAttribute("edition", edition);
        // not for search engines' indexes, so it announces no other languages either (layout)
        model.addAttribute("noindex", true);
        model.addAttribute("citation", citation);
        model.addAttribute("anchor", block);
        model.addAttribute("locale", Locale.forLanguageTag(lang));
        return VIEW;
    }
}
