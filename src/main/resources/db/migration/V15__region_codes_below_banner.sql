-- Units may sit in a township or street (苏木乡镇/街道, 9 digits: the banner's code + 3) or a village
-- or community (嘎查村/社区, 12 digits: the township's + 3). A code ending in 000 is normalised to the
-- level above by the application before it is stored (RegionCodes), so it never reaches these columns.
-- Campaigns, launches and requesting commissions stay at six digits: a township has no commission.
ALTER TABLE unit DROP CONSTRAINT unit_region_code_check;
ALTER TABLE unit ALTER COLUMN region_code TYPE VARCHAR(12);
ALTER TABLE unit ADD CONSTRAINT unit_region_code_check
    CHECK (region_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$');

-- A report request's member is a unit (any of the codes above) or a commission (six digits).
ALTER TABLE report_submission DROP CONSTRAINT report_submission_region_code_check;
ALTER TABLE report_submission ALTER COLUMN region_code TYPE VARCHAR(12);
ALTER TABLE report_submission ADD CONSTRAINT report_submission_region_code_check
    CHECK (region_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$');
