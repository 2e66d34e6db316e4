-- The access log keeps the caller's address as the host saw it (issue 16): an X-Forwarded-For list, "unknown", a
-- proxy's name, up to 255 characters of any script (AccessContext cuts longer ones), instead of refusing a login
-- whose address is not a bare IP.
ALTER TABLE crm_access_log MODIFY source_address VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
