package org.kzarchive.editing;

/** An account change that the rules refuse, with the reason told to the person who asked. */
class AccountRuleException extends RuntimeException {

    AccountRuleException(String message) {
        super(message);
    }
}
