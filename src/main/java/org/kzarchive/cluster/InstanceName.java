package org.kzarchive.cluster;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Names this running instance among those sharing the database, so that it ignores its own announcements. */
@Component
class InstanceName {

    private final String value = UUID.randomUUID().toString();

    String value() {
        return value;
    }
}
