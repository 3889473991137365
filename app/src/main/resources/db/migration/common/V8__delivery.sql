-- What was sent to whom: a statement is emailed once per month and client; closing the month
-- again or restarting skips the clients already reached, unless the run asks to resend.
CREATE TABLE delivery_log (
    billing_month    CHAR(7)       NOT NULL,
    client_id        VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,   -- SENT (SMTP), WRITTEN (outbox .eml), FAILED
    recipients       VARCHAR(2000) NOT NULL,
    attempts         INT           NOT NULL,
    detail           VARCHAR(2000),            -- the message id, the outbox file, or why it failed
    job_execution_id BIGINT        NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    PRIMARY KEY (billing_month, client_id)
);
