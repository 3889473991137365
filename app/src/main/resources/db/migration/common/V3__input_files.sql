-- Every input file a close read, with its checksum and what became of its rows:
-- read = loaded + rejected + skipped. A step replaces its own rows when it runs again.
CREATE TABLE input_file (
    billing_month CHAR(7)       NOT NULL,
    step_name     VARCHAR(100)  NOT NULL,
    source_file   VARCHAR(1000) NOT NULL,
    sha256        CHAR(64),
    size_bytes    BIGINT,
    rows_read     BIGINT        NOT NULL,
    rows_loaded   BIGINT        NOT NULL,
    rows_rejected BIGINT        NOT NULL,
    rows_skipped  BIGINT        NOT NULL,
    note          VARCHAR(2000),
    recorded_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (billing_month, step_name, source_file)
);
