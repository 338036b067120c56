// TypeBox's Value.Check knows no string formats until they are registered; Fastify's ajv
// has its own (ajv-formats). Registering here keeps both validators in agreement.
import { FormatRegistry } from '@sinclair/typebox';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Date.parse rolls 2024-02-30 over to March instead of refusing it: a date is real only when it
// reads back unchanged.
const isCalendarDate = (value: string): boolean => {
  if (!DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)));
}
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', isCalendarDate);
}
