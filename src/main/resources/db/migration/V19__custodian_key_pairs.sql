-- Each custodian's own HPKE key pair (docs/adr/0018-identity-custodians.md, Rotation): its private key wrapped under
-- the custodian's passphrase; the role's private key sealed to its public key in custodian_unlock (to_member), so that
-- a rotation seals the new role key to every custodian without asking for their passphrases.
CREATE TABLE custodian_member (
  holder         VARCHAR(100)  NOT NULL PRIMARY KEY,
  public_keyset  VARCHAR(4000) NOT NULL,
  salt           BYTEA         NOT NULL,
  iterations     INTEGER       NOT NULL,
  wrapped        BYTEA         NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- true: wrapped is the role's private keyset sealed to the holder's key pair; false: the older kind, right under the
-- passphrase (replaced at the holder's next unlock)
ALTER TABLE custodian_unlock ADD COLUMN to_member BOOLEAN DEFAULT FALSE NOT NULL;

-- the private keyset of the key before, sealed to this key (null for the first): what was sealed before a rotation
-- still opens
ALTER TABLE custodian_key ADD COLUMN older_sealed BYTEA;
