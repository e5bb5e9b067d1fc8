-- Logs the keys of the rows each statement on {table} wrote, once per statement (transition tables), in the writing
-- transaction: a rolled-back write logs nothing. An update that changes a key logs the old key too (it is gone).
-- TRUNCATE logs a 'T': what it removed has no keys, so an incremental sync asks for a full one.
CREATE OR REPLACE FUNCTION dbx_log_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dbx_change_log (dataset, entity, key, op)
        SELECT '{dataset}', '{table}', jsonb_build_array({key}), 'I' FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO dbx_change_log (dataset, entity, key, op)
        SELECT '{dataset}', '{table}', jsonb_build_array({key}), 'U'
        FROM (SELECT {key} FROM new_rows UNION SELECT {key} FROM old_rows) AS touched;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO dbx_change_log (dataset, entity, key, op)
        SELECT '{dataset}', '{table}', jsonb_build_array({key}), 'D' FROM old_rows;
    ELSE
        INSERT INTO dbx_change_log (dataset, entity, key, op) VALUES ('{dataset}', '{table}', '[]', 'T');
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER dbx_log_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dbx_log_{table}();
CREATE OR REPLACE TRIGGER dbx_log_update AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dbx_log_{table}();
CREATE OR REPLACE TRIGGER dbx_log_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dbx_log_{table}();
CREATE OR REPLACE TRIGGER dbx_log_truncate AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION dbx_log_{table}();
