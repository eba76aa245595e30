package org.kzarchive.editing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The address names no translation or revision. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TranslationNotFoundException extends RuntimeException {

    public TranslationNotFoundException(long id) {
        super("No translation or revision for translation " + id);
    }
}
