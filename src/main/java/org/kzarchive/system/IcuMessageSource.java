package org.kzarchive.system;

import java.util.Locale;

import com.ibm.icu.text.MessageFormat;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The message bundles, formatted with ICU's MessageFormat instead of the JDK's: plural categories
 * of every language ({@code {0, plural, one {# результат} few {# результата} many {# результатов}
 * other {# результата}}}), which {@code ChoiceFormat} cannot express for Russian, and numbers in
 * the reader's language. As with Spring's default, a message without arguments is used as written.
 */
class IcuMessageSource extends ResourceBundleMessageSource {

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale target = locale != null ? locale : InterfaceLanguage.DEFAULT;
        String pattern = resolveCodeWithoutArguments(code, target);
        if (pattern == null || ObjectUtils.isEmpty(args)) {
            return pattern;
        }
        // not cached: a MessageFormat is not safe to share between threads, and rendered pages are cached
        return new MessageFormat(pattern, target).format(resolveArguments(args, target));
    }
}
