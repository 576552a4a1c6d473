-- Sealed at rest (docs/adr/0014-sealed-at-rest.md): identifying data and files are stored encrypted under per-case data
-- keys; the clear columns stay only for rows written before this version, until SealedAtRestUpgrade seals them.

-- One data key per case, wrapped by the master key (which is never in the database). Deleting the row shreds the case.
CREATE TABLE case_key (
  tracking_number  VARCHAR(20)  NOT NULL PRIMARY KEY,
  wrapped          BYTEA        NOT NULL,
  wrapped_by       BIGINT       NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX case_key_wrapped_by ON case_key (wrapped_by);

-- name, phone and postal address (one sealed JSON document); the e-mail address apart, for mail
ALTER TABLE complainant_identity ADD COLUMN identity_sealed BYTEA;
ALTER TABLE complainant_identity ADD COLUMN email_sealed BYTEA;
ALTER TABLE complainant_identity ADD COLUMN has_email BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE complainant_identity ADD COLUMN has_address BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE complainant_submission ADD COLUMN body_sealed BYTEA;

-- content holds the sealed bytes where sealed is true; the name the complainant's device gave is sealed apart
ALTER TABLE evidence ADD COLUMN sealed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE evidence ADD COLUMN file_name_sealed BYTEA;
