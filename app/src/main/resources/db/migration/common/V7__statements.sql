-- The statement files rendered for each client and month, for the delivery step to send. Kept in
-- the database, not the step's execution context: a large partner has 13,000 clients. Rendering a
-- client again replaces its row (and overwrites its files).
CREATE TABLE statement_file (
    billing_month CHAR(7)       NOT NULL,
    client_id     VARCHAR(64)   NOT NULL,
    pdf_path      VARCHAR(1000) NOT NULL,
    xlsx_path     VARCHAR(1000) NOT NULL,
    rendered_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (billing_month, client_id)
);
