package org.kzarchive.accounts;

import jakarta.validation.constraints.NotBlank;

/** An administrator adding an editor. The rules for names and passwords are EditorAccounts'. */
class EditorForm {

    @NotBlank(message = "Give the new editor a user name.")
    private String username;

    @NotBlank(message = "Give the new editor a password of at least 12 characters.")
    private String password;

    private boolean administrator;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }
}
