package org.kzarchive.accounts;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on the first start, when no editor account exists. There is no
 * default password: it comes from ARCHIVE_ADMIN_PASSWORD, or a random one is generated and
 * written to the log this once.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EditorAccounts accounts;
    private final AdminProperties properties;

    FirstAdministrator(EditorAccounts accounts, AdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoEditorExists();
    }

    /** @return whether an administrator was created */
    boolean createIfNoEditorExists() {
        boolean passwordGiven = properties.password() != null && !properties.password().isBlank();
        if (accounts.anyExists()) {
            if (passwordGiven) {
                log.info("Editor accounts exist: ARCHIVE_ADMIN_PASSWORD is not used (change passwords at /admin/account)");
            }
            return false;
        }
        // docker compose passes an unset ARCHIVE_ADMIN_USER as an empty string
        String user = properties.user() == null || properties.user().isBlank() ? "admin" : EditorAccounts.normalized(properties.user());
        if (passwordGiven) {
            EditorAccounts.passwordProblem(properties.password()).ifPresent(problem -> {
                throw new IllegalStateException("ARCHIVE_ADMIN_PASSWORD cannot be used. " + problem);
            });
            accounts.create(user, properties.password(), true, null);
            log.info("Created the administrator '{}' with the password from ARCHIVE_ADMIN_PASSWORD", user);
        } else {
            String password = randomPassword();
            accounts.create(user, password, true, null);
            log.warn("""

                    ************************************************************************
                    No editor account existed: created the administrator '{}'
                    with the password  {}
                    It is shown this once only. Sign in at /admin/sign-in and change it at
                    /admin/account. (Set ARCHIVE_ADMIN_USER / ARCHIVE_ADMIN_PASSWORD to choose.)
                    ************************************************************************""", user, password);
        }
        return true;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
