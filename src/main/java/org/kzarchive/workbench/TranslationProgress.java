package org.kzarchive.workbench;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Progress of every translation and the editions new languages start from, for the editors' list of translations. */
@Component("translationProgress")
public class TranslationProgress {

    private final Workbench workbench;
    private final Editions editions;

    TranslationProgress(Workbench workbench, Editions editions) {
        this.workbench = workbench;
        this.editions = editions;
    }

    public record Reference(long id, String work, String language) {
    }

    /** Empty for a reference edition, which is not translated from anything. (No transaction here: a failed view must not mark one.) */
    public Optional<Progress> of(long translationId) {
        var edition = editions.find(translationId);
        if (edition.isEmpty() || edition.get().isReference() || editions.referenceOf(edition.get().workId()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(workbench.view(translationId).progress());
        } catch (RuntimeException unreadable) {
            // a reference that does not pass the checks: the list still shows, the overview says what is wrong
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public List<Reference> references() {
        return editions.all().stream().filter(Editions.Edition::isReference)
                .map(e -> new Reference(e.id(), e.work(), e.language())).toList();
    }
}
