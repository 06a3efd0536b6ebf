-- Attachments (附件): files uploaded from a Tasklist form's link (Camunda Forms have no file picker).
-- A file belongs to a process instance once that exists; uploaded before a start (the application
-- form) it waits as the uploader's pending file for that process (process_instance_id NULL) and is
-- adopted by the next instance the uploader starts of it. The content is checked by its magic bytes
-- before it is stored here.

CREATE TABLE attachment (
    id                  BIGSERIAL     PRIMARY KEY,
    process_key         VARCHAR(255)  NOT NULL,
    process_instance_id VARCHAR(64),
    task_id             VARCHAR(64),                       -- the task it was uploaded on, if any
    task_name           VARCHAR(255),
    file_name           VARCHAR(255)  NOT NULL,
    file_type           VARCHAR(8)    NOT NULL CHECK (file_type IN ('PDF', 'PNG', 'JPEG', 'DOCX', 'XLSX', 'DOC', 'XLS')),
    size_bytes          BIGINT        NOT NULL CHECK (size_bytes > 0),
    sha256              CHAR(64)      NOT NULL,
    content             BYTEA         NOT NULL,
    uploaded_by         VARCHAR(64)   NOT NULL,
    uploaded_at         TIMESTAMPTZ   NOT NULL
);

CREATE INDEX attachment_instance ON attachment (process_instance_id) WHERE process_instance_id IS NOT NULL;
CREATE INDEX attachment_pending ON attachment (uploaded_by, process_key) WHERE process_instance_id IS NULL;
