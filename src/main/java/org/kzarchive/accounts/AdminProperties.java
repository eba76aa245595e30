package org.kzarchive.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created when no editor account exists yet.
 *
 * @param user     {@code ARCHIVE_ADMIN_USER}, "admin" when unset
 * @param password {@code ARCHIVE_ADMIN_PASSWORD}; when unset a random one is generated and logged once
 */
@ConfigurationProperties("archive.admin")
record AdminProperties(@DefaultValue("admin") String user, String password) {
}
