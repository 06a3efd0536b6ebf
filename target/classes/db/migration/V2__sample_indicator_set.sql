-- SAMPLE ONLY: the shape of Inner Mongolia's trial indicator system (120 points, pass at 100),
-- with categories drawn from the seed documents' themes. The issuing authority replaces it with its
-- official table by adding a new version (see docs/indicator-sets.md); campaigns keep the version
-- they were opened with.
INSERT INTO indicator_set (code, version, name, level, unit_type, total_max, pass_line)
VALUES ('IM-TRIAL', 1, '内蒙古民族团结进步示范单位测评指标（试行，样例）', 'BANNER', NULL, 120, 100),
       ('IM-TRIAL', 2, '内蒙古民族团结进步示范单位测评指标（试行，样例，盟市级）', 'CITY', NULL, 120, 100);

INSERT INTO indicator_category (indicator_set_id, code, name, max_points, sort_order)
SELECT s.id, c.code, c.name, c.max_points, c.sort_order
FROM indicator_set s,
     (VALUES ('leadership', '组织领导与工作机制', 20, 1),
             ('consciousness', '铸牢中华民族共同体意识教育', 25, 2),
             ('exchange', '促进各民族交往交流交融', 20, 3),
             ('publicity', '民族团结进步宣传教育', 15, 4),
             ('governance', '依法治理民族事务', 15, 5),
             ('achievement', '创建特色与成效', 25, 6)) AS c(code, name, max_points, sort_order)
WHERE s.code = 'IM-TRIAL';

INSERT INTO veto_item (indicator_set_id, code, name, sort_order)
SELECT s.id, v.code, v.name, v.sort_order
FROM indicator_set s,
     (VALUES ('massIncident', '发生涉及民族因素的群体性事件', 1),
             ('fraud', '申报材料弄虚作假', 2),
             ('leaderViolation', '领导班子成员严重违法违纪', 3)) AS v(code, name, sort_order)
WHERE s.code = 'IM-TRIAL';
