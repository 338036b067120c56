// Bodies of the simulator's own control endpoints (/__sim/*).
import { Type, type Static } from '@sinclair/typebox';

const Rate = Type.Number({ minimum: 0, maximum: 1 });

export const FaultsBody = Type.Object(
  {
    errorRate: Type.Optional(Rate),
    latency: Type.Optional(Type.Object({ rate: Rate, minMs: Type.Integer({ minimum: 0 }), maxMs: Type.Integer({ minimum: 0 }) })),
    hangRate: Type.Optional(Rate),
    hangMs: Type.Optional(Type.Integer({ minimum: 0 })),
    dropRate: Type.Optional(Rate),
    truncateRate: Type.Optional(Rate),
    malformedRate: Type.Optional(Rate),
    rateLimitBurst: Type.Optional(Type.Object({ rate: Rate, length: Type.Integer({ minimum: 1 }) })),
    duplicateRate: Type.Optional(Rate),
  },
  { additionalProperties: false, description: 'Fault injection settings; replaces the current ones.' },
);
export type FaultsBody = Static<typeof FaultsBody>;

export const ClockBody = Type.Object(
  { advanceMs: Type.Integer({ minimum: 0, description: 'Simulated milliseconds to move the clock forward.' }) },
  { additionalProperties: false },
);
export type ClockBody = Static<typeof ClockBody>;

export const ClockReply = Type.Object({
  now: Type.String({ description: 'Simulated time, ISO 8601 UTC.' }),
  fixtureIds: Type.Array(Type.Integer(), { description: 'Fixtures changed by this move.' }),
  teamIds: Type.Array(Type.Integer()),
});
export type ClockReply = Static<typeof ClockReply>;

export const StatsReply = Type.Object({
  requests: Type.Integer(),
  calls: Type.Record(Type.String(), Type.Integer(), { description: 'Charged calls per SportMonks entity.' }),
  rateLimited: Type.Integer({ description: '429 answers served (budget and bursts).' }),
  errors: Type.Record(Type.String(), Type.Integer(), { description: 'Error answers by status (401, 400, 403, 404).' }),
  faults: Type.Record(Type.String(), Type.Integer(), { description: 'Faults injected by kind.' }),
});
export type StatsReply = Static<typeof StatsReply>;

export const ClockNow = Type.Object({
  now: Type.String({ description: 'Simulated time, ISO 8601 UTC.' }),
  formatted: Type.String({ description: 'The same as SportMonks writes datetimes: YYYY-MM-DD HH:MM:SS.' }),
});
export type ClockNow = Static<typeof ClockNow>;

export const DetailQuery = Type.Object(
  { lineupDetails: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')], { description: '1 adds lineups.details to every fixture.' })) },
  { additionalProperties: false },
);
export type DetailQuery = Static<typeof DetailQuery>;
