-- retention forgets wrong custodian passphrases older than the lock-out's window, oldest first
CREATE INDEX custodian_attempt_at ON custodian_attempt (attempted_at);
