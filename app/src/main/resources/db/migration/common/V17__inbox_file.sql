-- Every file under a month's inbox folders and what the close does with it (the inbox step's
-- inventory): READ by the step of its kind, REFUSED whole (a copy of another file, unreadable),
-- or NOT_READ (another extension, a folder below the ones read, a hidden file), with the reason.
-- The import steps read their files from here, so no file is skipped without being listed.
CREATE TABLE inbox_file (
    billing_month CHAR(7)       NOT NULL,
    source_file   VARCHAR(1000) NOT NULL,
    kind          VARCHAR(20),
    decision      VARCHAR(10)   NOT NULL,
    reason        VARCHAR(2000),
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64),
    PRIMARY KEY (billing_month, source_file)
);
