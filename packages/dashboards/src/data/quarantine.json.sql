-- Records SportMonks sent broken, by what was wrong (ids in the reason replaced by N so that
-- the same fault groups together).
-- requires: quarantine
SELECT entity, REGEXP_REPLACE(reason, '[0-9]+', 'N') AS reason, COUNT(*) AS records,
       MAX(created_at) AS last_seen
FROM quarantine
GROUP BY entity, REGEXP_REPLACE(reason, '[0-9]+', 'N')
ORDER BY records DESC, entity, reason;
