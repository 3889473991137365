-- One close of a month at a time, whole or by client: a close locks its month's row here
-- (SELECT ... FOR UPDATE NOWAIT, added the first time the month closes) in a transaction held
-- open on a connection of its own for as long as it runs; a second close of the month finds the
-- row locked and is refused. The lock goes with that connection, however the close ends.
-- PostgreSQL uses a session advisory lock instead, which leaves no transaction open for hours.
CREATE TABLE close_lock (
    billing_month VARCHAR(7) NOT NULL PRIMARY KEY
);
