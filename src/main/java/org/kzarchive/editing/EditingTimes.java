package org.kzarchive.editing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times on admin pages, in the server's time zone: "2022-01-12 14:05 CET". */
@Component("editingTimes")
class EditingTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZoneId.systemDefault()));
    }
}
