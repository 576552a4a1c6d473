-- A letter to a complainant without e-mail is sent when intake completes its letter task: the posting date and who
-- posted it (GET /api/staff/complaints/{n}/letters shows it as "sent").
ALTER TABLE letter_register ADD COLUMN posted_on DATE;
ALTER TABLE letter_register ADD COLUMN posted_by VARCHAR(100);
