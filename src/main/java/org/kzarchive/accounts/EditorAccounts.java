package org.kzarchive.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editor accounts: who may sign in, with which password hash, and who may manage the others. */
@Service
public class EditorAccounts implements UserDetailsService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes of a password */
    static final int MAX_PASSWORD_BYTES = 72;

    private final EditorRepository editors;
    private final PasswordEncoder passwords;
    private final SessionRegistry sessions;
    private final AuditLog audit;
    private final Clock clock;

    EditorAccounts(EditorRepository editors, PasswordEncoder passwords, SessionRegistry sessions, AuditLog audit, Clock clock) {
        this.editors = editors;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Editor editor = editors.findByUsername(normalized(username))
                .orElseThrow(() -> new UsernameNotFoundException("No editor " + username));
        return User.withUsername(editor.getUsername())
                .password(editor.getPasswordHash())
                .disabled(!editor.isEnabled())
                .roles(editor.isAdministrator() ? new String[] {"EDITOR", "ADMIN"} : new String[] {"EDITOR"})
                .build();
    }

    @Transactional(readOnly = true)
    public List<Editor> all() {
        return editors.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return editors.count() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Editor> find(String username) {
        return editors.findByUsername(normalized(username));
    }

    /** @throws AccountRuleException when the name is taken or invalid, or the password too weak */
    @Transactional
    public Editor create(String username, String password, boolean administrator, String actor) {
        String name = normalized(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountRuleException("The user name '" + username + "' is not valid: use 2 to 60 lower-case letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (editors.findByUsername(name).isPresent()) {
            throw new AccountRuleException("There is already an editor called '" + name + "'. Choose another name.");
        }
        passwordProblem(password).ifPresent(problem -> {
            throw new AccountRuleException(problem);
        });
        Editor editor = editors.save(new Editor(name, passwords.encode(password), administrator, clock.instant()));
        audit.record(actor == null ? "system" : actor, actor == null ? AuditAction.ADMINISTRATOR_CREATED : AuditAction.EDITOR_ADDED,
                name + (administrator ? " (administrator)" : ""));
        return editor;
    }

    /** Disabling also ends the editor's open sessions. An administrator cannot lock out the last administrator. */
    @Transactional
    public void setEnabled(long id, boolean enabled, String actor) {
        Editor editor = editors.findById(id).orElseThrow(() -> new AccountRuleException("There is no such editor."));
        if (!enabled) {
            if (editor.getUsername().equals(actor)) {
                throw new AccountRuleException("You cannot disable your own account.");
            }
            if (editor.isAdministrator() && editor.isEnabled() && editors.countByAdministratorTrueAndEnabledTrue() <= 1) {
                throw new AccountRuleException("'" + editor.getUsername() + "' is the last active administrator.");
            }
        }
        editor.setEnabled(enabled);
        editors.save(editor);
        audit.record(actor, enabled ? AuditAction.EDITOR_ENABLED : AuditAction.EDITOR_DISABLED, editor.getUsername());
        if (!enabled) {
            endSessionsOf(editor.getUsername(), null);
        }
    }

    /** A new password also ends the editor's other sessions: whoever knew the old one is signed out. */
    @Transactional
    public void changePassword(String username, String current, String next, String keptSessionId) {
        Editor editor = editors.findByUsername(username).orElseThrow(() -> new AccountRuleException("There is no such editor."));
        if (current == null || !passwords.matches(current, editor.getPasswordHash())) {
            throw new AccountRuleException("The current password is not right.");
        }
        passwordProblem(next).ifPresent(problem -> {
            throw new AccountRuleException(problem);
        });
        editor.setPasswordHash(passwords.encode(next));
        editors.save(editor);
        audit.record(username, AuditAction.PASSWORD_CHANGED, username);
        endSessionsOf(username, keptSessionId);
    }

    static Optional<String> passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("The password is too short: use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("The password is too long: use at most " + MAX_PASSWORD_BYTES + " bytes (about 60 letters).");
        }
        return Optional.empty();
    }

    static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private void endSessionsOf(String username, String exceptSessionId) {
        // found by name in the shared session store, whichever instance the editor signed in on
        sessions.getAllSessions(username, false).stream()
                .filter(session -> !session.getSessionId().equals(exceptSessionId))
                .forEach(SessionInformation::expireNow);
    }
}
