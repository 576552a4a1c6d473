-- Staff mails queued as staff-notification process instances, once per Message-ID.
CREATE TABLE staff_notification (
  message_id  VARCHAR(200) NOT NULL PRIMARY KEY,
  queued_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
