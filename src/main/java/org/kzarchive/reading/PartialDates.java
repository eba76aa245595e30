package org.kzarchive.reading;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Shows dates written as YYYY, YYYY-MM or YYYY-MM-DD (and ranges of them) the way a reader says them. */
public final class PartialDates {

    private PartialDates() {
    }

    public static String format(String start, String end, Locale locale) {
        if (end == null || end.equals(start)) {
            return format(start, locale);
        }
        if (start.length() == 10 && end.length() == 10 && start.substring(0, 7).equals(end.substring(0, 7))) {
            return Integer.parseInt(start.substring(8)) + "–" + format(end, locale);
        }
        return format(start, locale) + " – " + format(end, locale);
    }

    /**
     * English without a region is written day first, as in Britain ("12 January 2022"): a range
     * then reads "5–7 January 2022", like the Italian and Russian ones.
     */
    private static Locale dayFirst(Locale locale) {
        return locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
    }

    public static String format(String date, Locale locale) {
        if (date == null) {
            return "";
        }
        try {
            return switch (date.length()) {
                case 4 -> date;
                case 7 -> YearMonth.parse(date).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
                case 10 -> LocalDate.parse(date).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(dayFirst(locale)));
                default -> date;
            };
        } catch (RuntimeException e) {
            return date;
        }
    }
}
