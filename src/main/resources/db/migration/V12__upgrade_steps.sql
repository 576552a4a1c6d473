-- One-off data steps of an upgrade that need the engine's tables (which Flyway may run before): each step's name, once
-- it is done. A step runs after start-up, in one transaction with its own row here, so it is done once, by one node.
CREATE TABLE upgrade_step (
  name     VARCHAR(100) PRIMARY KEY,
  done_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
