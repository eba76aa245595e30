package org.kzarchive.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets a page outside the /{lang}/… addresses speak a translation's language, e.g. an editor's
 * preview of a translation, which must look exactly like the public page.
 */
public final class PageLanguage {

    static final String ATTRIBUTE = PageLanguage.class.getName();

    private PageLanguage() {
    }

    public static void set(HttpServletRequest request, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }
}
