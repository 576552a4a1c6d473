-- Tracking numbers are reserved in a short transaction of their own, then consumed by the intake's transaction
-- (docs/adr/0008-tracking-numbers-reserved.md). A row here is a number that no complaint holds yet: in flight, given
-- back by a failed intake (released), or left by a crash (reserved_at long ago); later intakes take those first.
CREATE TABLE tracking_number_reservation (
  tracking_number VARCHAR(20)  NOT NULL PRIMARY KEY,
  fiscal_year     INTEGER      NOT NULL,
  reserved_at     TIMESTAMP    NOT NULL,
  released        BOOLEAN      NOT NULL
);
CREATE INDEX tracking_number_reservation_by_year ON tracking_number_reservation (fiscal_year, tracking_number);
