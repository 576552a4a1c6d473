-- Every e-mail sent, by its Message-ID: a retried step never mails twice. Written in its own transaction right after
-- the SMTP server accepted the mail, so it survives a rollback of the step that sent it.
CREATE TABLE mail_sent (
  message_id  VARCHAR(200) NOT NULL PRIMARY KEY,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
