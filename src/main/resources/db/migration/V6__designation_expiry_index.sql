-- The daily expiry run looks for held titles by expiry date; without this it reads the whole table.
CREATE INDEX designation_expiry ON designation(expiry_date)
    WHERE status IN ('NAMED', 'UNDER_REINSPECTION', 'RECTIFYING', 'IN_EXIT');
