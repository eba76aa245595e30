package org.kzarchive.reading;

import java.util.Comparator;
import java.util.List;

import org.kzarchive.archive.TimelineEvent;

import org.springframework.stereotype.Component;

/** Timeline events in date order; ISO dates of any precision sort correctly as text. */
@Component("timelineOrder")
public class TimelineOrder {

    public List<TimelineEvent> sorted(List<TimelineEvent> events) {
        return events.stream()
                .sorted(Comparator.comparing(TimelineEvent::getDateStart).thenComparing(TimelineEvent::getPosition))
                .toList();
    }
}
