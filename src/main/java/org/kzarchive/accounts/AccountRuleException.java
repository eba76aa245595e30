package org.kzarchive.accounts;

/** An account change that the rules refuse, with the reason told to the person who asked. */
public class AccountRuleException extends RuntimeException {

    public AccountRuleException(String message) {
        super(message);
    }
}
