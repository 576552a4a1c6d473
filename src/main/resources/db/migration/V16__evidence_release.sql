-- The audited release of a file's sealed original (docs/adr/0014-sealed-at-rest.md): by an identity custodian, with a
-- reason; the case's readers then get the file as received.
ALTER TABLE evidence ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE evidence ADD COLUMN released_by VARCHAR(100);
ALTER TABLE evidence ADD COLUMN release_reason VARCHAR(1000);
