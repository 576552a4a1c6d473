-- Clean copies for officers (storage.FileMetadata): the evidence's content is the copy with identifying metadata
-- removed; the file as received is kept sealed apart (purpose ORIGINAL) when anything was removed, and always when it
-- cannot be cleaned (then officers get nothing until a custodian releases it).
ALTER TABLE evidence ADD COLUMN original_sealed BYTEA;
ALTER TABLE evidence ADD COLUMN metadata_removed VARCHAR(300);
ALTER TABLE evidence ADD COLUMN needs_release BOOLEAN DEFAULT FALSE NOT NULL;
