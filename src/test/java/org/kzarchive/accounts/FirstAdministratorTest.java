package org.kzarchive.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** The first start: an administrator from the environment, or a random password shown once; never a default one. */
@ArchiveIntegrationTest
@Transactional // each test starts from an archive without editors, and is rolled back
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private static final Pattern LOGGED_PASSWORD = Pattern.compile("with the password {2}(\\S+)");

    @Autowired
    EditorAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void noEditorYet() {
        jdbc.update("delete from editor");
    }

    private String hashOf(String username) {
        return jdbc.queryForObject("select password_hash from editor where username = ? and administrator", String.class, username);
    }

    /** The output since {@code from}: the first test's output also holds the application's own start. */
    private static String since(CapturedOutput output, int from) {
        return output.getOut().substring(from);
    }

    private static String loggedPassword(String log) {
        Matcher m = LOGGED_PASSWORD.matcher(log);
        assertThat(m.find()).as("the password is in the log").isTrue();
        return m.group(1);
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsGeneratedAndLoggedOnce(CapturedOutput output) {
        int start = output.getOut().length();
        var bootstrap = new FirstAdministrator(accounts, new AdminProperties("admin", null));
        assertThat(bootstrap.createIfNoEditorExists()).isTrue();

        String password = loggedPassword(since(output, start));
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(since(output, start)).contains("WARN", "It is shown this once only");
        String hash = hashOf("admin");
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(passwords.matches(password, hash)).isTrue();

        // a restart finds the administrator and says nothing more
        assertThat(new FirstAdministrator(accounts, new AdminProperties("admin", null)).createIfNoEditorExists()).isFalse();
        assertThat(since(output, start)).containsOnlyOnce(password);
    }

    @Test
    void eachGeneratedPasswordIsNew(CapturedOutput output) {
        int start = output.getOut().length();
        new FirstAdministrator(accounts, new AdminProperties("admin", null)).createIfNoEditorExists();
        String first = loggedPassword(since(output, start));
        jdbc.update("delete from editor");
        int again = output.getOut().length();
        new FirstAdministrator(accounts, new AdminProperties("admin", null)).createIfNoEditorExists();
        assertThat(loggedPassword(since(output, again))).isNotEqualTo(first);
    }

    @Test
    void theConfiguredUserAndPasswordAreUsedAndThePasswordIsNeverLogged(CapturedOutput output) {
        int start = output.getOut().length();
        var bootstrap = new FirstAdministrator(accounts, new AdminProperties("Redazione", "a long secret from the environment"));
        assertThat(bootstrap.createIfNoEditorExists()).isTrue();
        assertThat(passwords.matches("a long secret from the environment", hashOf("redazione"))).isTrue();
        assertThat(since(output, start)).contains("Created the administrator 'redazione' with the password from ARCHIVE_ADMIN_PASSWORD")
                .doesNotContain("a long secret from the environment");
        assertThat(LOGGED_PASSWORD.matcher(since(output, start)).find()).isFalse();
    }

    @Test
    void anEmptyUserNameMeansAdmin() {
        assertThat(new FirstAdministrator(accounts, new AdminProperties("", "a long secret from the environment"))
                .createIfNoEditorExists()).isTrue();
        assertThat(passwords.matches("a long secret from the environment", hashOf("admin"))).isTrue();
    }

    @Test
    void aConfiguredPasswordTooShortToBeSafeStopsTheStart() {
        var bootstrap = new FirstAdministrator(accounts, new AdminProperties("admin", "admin"));
        assertThatThrownBy(bootstrap::createIfNoEditorExists).isInstanceOf(IllegalStateException.class)
                .hasMessage("ARCHIVE_ADMIN_PASSWORD cannot be used. The password is too short: use at least 12 characters.");
        assertThat(jdbc.queryForObject("select count(*) from editor", Integer.class)).isZero();
    }

    @Test
    void existingEditorsAreLeftAsTheyAre(CapturedOutput output) {
        accounts.create("anna", "anna's own password", false, "test");
        var bootstrap = new FirstAdministrator(accounts, new AdminProperties("admin", "a long secret from the environment"));
        assertThat(bootstrap.createIfNoEditorExists()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from editor", Integer.class)).isEqualTo(1);
        assertThat(output.getOut()).contains("ARCHIVE_ADMIN_PASSWORD is not used");
    }
}
