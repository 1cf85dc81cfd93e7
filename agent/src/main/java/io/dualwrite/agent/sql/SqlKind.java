package io.dualwrite.agent.sql;

/** What a SQL statement does, as far as mirroring is concerned. */
public enum SqlKind {
    /** A data-modifying statement (INSERT, UPDATE, DELETE, MERGE, REPLACE, UPSERT): mirrored. */
    WRITE,
    /** A schema change (CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT): mirrored only when configured. */
    DDL,
    /** A stored-procedure call (CALL, EXEC, EXECUTE, JDBC {call ...}): not mirrored, but counted. */
    PROCEDURE,
    /** A query (SELECT, VALUES, TABLE, SHOW, DESCRIBE, EXPLAIN, read-only WITH): never mirrored. */
    READ,
    /** Session, transaction and administrative statements, and anything unrecognised: never mirrored. */
    OTHER
}
